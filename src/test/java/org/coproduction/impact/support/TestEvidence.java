package org.coproduction.impact.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.boot.test.context.TestComponent;

/**
 * A module's evidence as tests want it: a {@link CollectedEvidence} bean whose items a test sets
 * (and changes, e.g. to withdraw consent) per organisation and project. Holds nothing until a test
 * gives it items, so other tests see no difference.
 */
@TestComponent
public class TestEvidence implements CollectedEvidence {

    public static final String SOURCE = "test";

    private final Map<String, List<EvidenceItem>> items = new ConcurrentHashMap<>();

    public void set(OrganisationId organisation, UUID projectId, List<EvidenceItem> list) {
        items.put(organisation.value() + "/" + projectId, List.copyOf(list));
    }

    @Override
    public List<EvidenceItem> items(OrganisationId organisation, UUID projectId) {
        return items.getOrDefault(organisation.value() + "/" + projectId, List.of());
    }
}

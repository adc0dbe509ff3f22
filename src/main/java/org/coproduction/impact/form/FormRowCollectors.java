package org.coproduction.impact.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.plan.RowCollectors;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.stereotype.Component;

/** Tells the plan which of its rows a current form of the project collects evidence for (a question linked to the row). */
@Component
class FormRowCollectors implements RowCollectors {

    private final FormRepository forms;

    FormRowCollectors(FormRepository forms) {
        this.forms = forms;
    }

    @Override
    public Map<UUID, List<Collector>> collectors(OrganisationId organisation, UUID projectId) {
        Map<UUID, List<Collector>> byRow = new LinkedHashMap<>();
        for (Form form : forms.forProject(organisation, projectId)) {
            form.questions().stream()
                    .map(Question::planRowId)
                    .filter(id -> id != null)
                    .distinct()
                    .forEach(row -> byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(new Collector(form.title(), form.path())));
        }
        return byRow;
    }
}

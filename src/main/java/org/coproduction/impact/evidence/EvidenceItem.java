package org.coproduction.impact.evidence;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One item of collected evidence, as other modules see it.
 *
 * @param source the module that holds it, e.g. {@code "form"} or {@code "record"}
 * @param kindKey message key naming what kind of item it is (e.g. "A case study")
 * @param title the item's own title or first words, as the facilitator wrote it
 * @param outcomeIds the outcomes it is tagged as evidence for
 * @param planRowIds the plan rows it is tagged as evidence for (each also implies its outcome)
 * @param showsAPerson true when it shows or quotes a person, so it needs their consent for each use
 * @param consentedUses the uses consent has been given for today (ignored when it shows no one)
 * @param href where a signed-in facilitator reads it
 */
public record EvidenceItem(
        String source,
        UUID id,
        EvidenceType type,
        String kindKey,
        String title,
        LocalDate date,
        Set<UUID> outcomeIds,
        Set<UUID> planRowIds,
        boolean showsAPerson,
        Set<ConsentUse> consentedUses,
        @Nullable String href) {

    public EvidenceItem {
        outcomeIds = Set.copyOf(outcomeIds);
        planRowIds = Set.copyOf(planRowIds);
        consentedUses = Set.copyOf(consentedUses);
    }

    /** Whether the item may be used this way: always when it shows no one, otherwise only with consent. */
    public boolean mayBeUsedFor(ConsentUse use) {
        return !showsAPerson || consentedUses.contains(use);
    }
}

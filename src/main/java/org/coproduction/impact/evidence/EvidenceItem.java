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
 * @param count how much evidence the item holds: the answers to a form question, the values of a
 *     measure; 1 for an item that is one thing (a case study, a task done)
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
        @Nullable String href,
        int count) {

    public EvidenceItem {
        if (count < 1) {
            throw new IllegalArgumentException("an item of evidence holds at least one thing: " + count);
        }
        outcomeIds = Set.copyOf(outcomeIds);
        planRowIds = Set.copyOf(planRowIds);
        consentedUses = Set.copyOf(consentedUses);
    }

    /** An item that is one thing: a case study, a task done, a progress report. */
    public EvidenceItem(String source, UUID id, EvidenceType type, String kindKey, String title, LocalDate date, Set<UUID> outcomeIds,
            Set<UUID> planRowIds, boolean showsAPerson, Set<ConsentUse> consentedUses, @Nullable String href) {
        this(source, id, type, kindKey, title, date, outcomeIds, planRowIds, showsAPerson, consentedUses, href, 1);
    }

    /** Whether the item may be used this way: always when it shows no one, otherwise only with consent. */
    public boolean mayBeUsedFor(ConsentUse use) {
        return !showsAPerson || consentedUses.contains(use);
    }
}

package org.coproduction.impact.record;

import java.time.LocalDate;
import java.util.Set;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;

/** Consent as recorded: who gave it, how, for which uses, and until when (none: until withdrawn). */
public record ConsentDraft(String givenBy, ConsentHow how, Set<ConsentUse> uses, @Nullable LocalDate validUntil) {

    public ConsentDraft {
        uses = Set.copyOf(uses);
    }
}

package org.coproduction.impact.evidence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Who agreed the organisation's list of ways of collecting evidence, and when: the list is meant
 * to be co-produced, so the people who agreed it are part of the record.
 */
public record ListAgreement(
        @Nullable String whoAgreed,
        @Nullable LocalDate agreedOn,
        int version,
        @Nullable OffsetDateTime recordedAt,
        @Nullable String recordedByName) {

    public boolean agreed() {
        return whoAgreed != null && agreedOn != null;
    }
}

package org.coproduction.impact.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.evidence.ConsentUse.FUNDER_REPORTS;
import static org.coproduction.impact.evidence.ConsentUse.INTERNAL_LEARNING;
import static org.coproduction.impact.evidence.ConsentUse.PUBLIC;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A use of an item that shows several people is allowed only when each of them agrees to it. */
class ConsentedUsesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Consent consent(String by, Set<ConsentUse> uses, @Nullable LocalDate until, boolean withdrawn) {
        OffsetDateTime at = OffsetDateTime.parse("2026-10-01T10:00:00Z");
        return new Consent(UUID.randomUUID(), by, ConsentHow.WRITTEN, uses, until, at, "Sam", withdrawn ? at.plusDays(5) : null,
                withdrawn ? "Sam" : null);
    }

    private static Set<ConsentUse> uses(Consent... consents) {
        RecordedItem photo = new RecordedItem(UUID.randomUUID(), UUID.randomUUID(), RecordKind.PHOTO, "Gardening day", TODAY, null, null,
                null, null, 0, null, null, null, null, null, null, null, null, false, null, 1, OffsetDateTime.now(), null, null, false,
                Set.of(), Set.of(), List.of(), List.of(), List.of(consents), List.of(), true);
        return photo.consentedUses(TODAY);
    }

    @Test
    void noConsentAllowsNothing() {
        assertThat(uses()).isEmpty();
    }

    @Test
    void oneAgreeingToEverythingDoesNotCoverAnotherWhoAgreedToLess() {
        assertThat(uses(consent("Alex", Set.of(INTERNAL_LEARNING, FUNDER_REPORTS, PUBLIC), null, false),
                consent("Jo", Set.of(INTERNAL_LEARNING), null, false)))
                .containsExactly(INTERNAL_LEARNING);
        assertThat(uses(consent("Alex", Set.of(INTERNAL_LEARNING, PUBLIC), null, false),
                consent("Jo", Set.of(FUNDER_REPORTS), null, false)))
                .isEmpty();
    }

    @Test
    void aPersonsOwnConsentsAddUpWhateverTheWayTheirNameWasTyped() {
        assertThat(uses(consent("Jo Smith", Set.of(INTERNAL_LEARNING), null, false),
                consent(" jo smith ", Set.of(FUNDER_REPORTS), null, false)))
                .containsExactlyInAnyOrder(INTERNAL_LEARNING, FUNDER_REPORTS);
    }

    @Test
    void oneWithdrawalOrExpiryStopsEveryUseEvenIfOthersStillAgree() {
        assertThat(uses(consent("Alex", Set.of(INTERNAL_LEARNING, FUNDER_REPORTS), null, false),
                consent("Jo", Set.of(INTERNAL_LEARNING, FUNDER_REPORTS), null, true)))
                .isEmpty();
        assertThat(uses(consent("Alex", Set.of(INTERNAL_LEARNING, FUNDER_REPORTS), null, false),
                consent("Jo", Set.of(INTERNAL_LEARNING, FUNDER_REPORTS), TODAY.minusDays(1), false)))
                .isEmpty();
        // Consent given again after a withdrawal counts, and a last day of today is still in force.
        assertThat(uses(consent("Alex", Set.of(INTERNAL_LEARNING, FUNDER_REPORTS), TODAY, false),
                consent("Jo", Set.of(FUNDER_REPORTS), null, true),
                consent("Jo", Set.of(INTERNAL_LEARNING), null, false)))
                .containsExactly(INTERNAL_LEARNING);
    }
}

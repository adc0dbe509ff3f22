package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReciprocityTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();

    @Test
    void summarisesDaysFromOfferedToGivenPerProjectAndPerPerson() {
        // Ann: £25 offered 1 March, given 15 March (14 days); a certificate offered and given 2 March (0 days).
        // Ben: £12.50 voucher offered 1 March, given 2 April (32 days); training offered 10 March, not yet given.
        Reciprocity ledger = new Reciprocity(List.of(
                new Reciprocity.Entry(UUID.randomUUID(), ANN, "Ann", ReciprocityKind.PAYMENT, null, 2500L, LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 15), true, 0),
                new Reciprocity.Entry(UUID.randomUUID(), ANN, "Ann", ReciprocityKind.CERTIFICATE, null, null, LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 2), false, 0),
                new Reciprocity.Entry(UUID.randomUUID(), BEN, "Ben", ReciprocityKind.VOUCHER, null, 1250L, LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 4, 2), false, 0),
                new Reciprocity.Entry(UUID.randomUUID(), BEN, "Ben", ReciprocityKind.TRAINING, null, null, LocalDate.of(2026, 3, 10), null,
                        false, 0)));

        // Given: 3 of 4; days 14 + 0 + 32 = 46 over 3 = 15.3, so 15; longest 32; money £37.50.
        assertThat(ledger.summary()).isEqualTo(new Reciprocity.Summary(4, 3, 1, 3750, 15L, 32L));
        assertThat(ledger.perPerson()).containsExactly(
                new Reciprocity.PersonSummary(ANN, "Ann", new Reciprocity.Summary(2, 2, 0, 2500, 7L, 14L)),
                new Reciprocity.PersonSummary(BEN, "Ben", new Reciprocity.Summary(2, 1, 1, 1250, 32L, 32L)));
        // Ben's voucher has no record that advice about benefits was offered.
        assertThat(ledger.moneyWithoutAdvice()).isEqualTo(1);
        assertThat(Reciprocity.pounds(3750)).isEqualTo("£37.50");
        assertThat(Reciprocity.pounds(123456)).isEqualTo("£1,234.56");
    }
}

package org.coproduction.impact.involvement.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.UUID;
import org.coproduction.impact.involvement.InvolvementService.ReciprocityDraft;
import org.coproduction.impact.involvement.Reciprocity;
import org.coproduction.impact.involvement.ReciprocityKind;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/** The reciprocity entry page's fields as typed (dates as day, month and year), shown again with any problems. */
public record ReciprocityForm(String person, String kind, String description, String amount, String offeredDay, String offeredMonth,
        String offeredYear, String givenDay, String givenMonth, String givenYear, boolean advice) {

    /** The problems beside their fields, or the entry to keep when there are none. */
    record Checked(FormErrors errors, @Nullable ReciprocityDraft draft) {}

    /** An entry as it is now, for changing it. */
    static ReciprocityForm of(Reciprocity.Entry e) {
        LocalDate given = e.givenOn();
        return new ReciprocityForm(e.userId().toString(), e.kind().name(), e.description() == null ? "" : e.description(),
                e.amountPence() == null ? "" : BigDecimal.valueOf(e.amountPence(), 2).toPlainString(),
                String.valueOf(e.offeredOn().getDayOfMonth()), String.valueOf(e.offeredOn().getMonthValue()), String.valueOf(e.offeredOn().getYear()),
                given == null ? "" : String.valueOf(given.getDayOfMonth()), given == null ? "" : String.valueOf(given.getMonthValue()),
                given == null ? "" : String.valueOf(given.getYear()), e.benefitsAdviceOffered());
    }

    /** Checks the fields as typed against the project: someone taking part, a kind, a sum of money, real dates in order. */
    Checked check(Project project) {
        FormErrors errors = FormErrors.none();
        UUID userId = null;
        try {
            userId = UUID.fromString(person);
        } catch (IllegalArgumentException e) {
            // not chosen
        }
        if (userId == null || !project.involves(userId)) {
            errors = errors.plus("person", Ui.t("involvement.reciprocity.error.person"));
        }
        ReciprocityKind k = null;
        try {
            k = ReciprocityKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors = errors.plus("kind", Ui.t("involvement.reciprocity.error.kind"));
        }
        if (description.length() > 300) {
            errors = errors.plus("description", Ui.t("involvement.reciprocity.error.description"));
        }
        Long pence = null;
        if (!amount.isEmpty()) {
            try {
                BigDecimal pounds = new BigDecimal(amount.replace("£", "").replace(",", "").strip());
                if (pounds.signum() < 0 || pounds.scale() > 2 || pounds.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
                    throw new NumberFormatException();
                }
                pence = pounds.movePointRight(2).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                errors = errors.plus("amount", Ui.t("involvement.reciprocity.error.amount"));
            }
        }
        LocalDate offered = date(offeredDay, offeredMonth, offeredYear);
        if (offered == null) {
            errors = errors.plus("offered", Ui.t("involvement.reciprocity.error.offered"));
        }
        LocalDate given = null;
        if (!(givenDay + givenMonth + givenYear).isBlank()) {
            given = date(givenDay, givenMonth, givenYear);
            if (given == null) {
                errors = errors.plus("given", Ui.t("involvement.reciprocity.error.given"));
            } else if (offered != null && given.isBefore(offered)) {
                errors = errors.plus("given", Ui.t("involvement.reciprocity.error.given-before"));
            }
        }
        if (errors.any() || userId == null || k == null || offered == null) {
            return new Checked(errors, null);
        }
        return new Checked(errors, new ReciprocityDraft(userId, k, description.isEmpty() ? null : description, pence, offered, given, advice));
    }

    private static @Nullable LocalDate date(String day, String month, String year) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
            return d.getYear() >= 2000 && d.getYear() <= 2100 ? d : null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}

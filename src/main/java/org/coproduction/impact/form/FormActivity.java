package org.coproduction.impact.form;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many answers came in, month by month, across the organisation's forms: for the organisation
 * overview (issue 11). Read from the settled months ({@code form_response_month}) and the few
 * responses since each form's settled line, so the cost does not grow with the number of responses.
 */
@Service
public class FormActivity {

    /** Counted responses (not left out) to one project's forms in one month; {@code projectId} null: the organisation's own forms. */
    public record ProjectMonth(@Nullable UUID projectId, YearMonth month, long responses) {}

    private final ResponseMonths months;

    FormActivity(ResponseMonths months) {
        this.months = months;
    }

    /** Responses per project and month, from {@code first} to {@code last} inclusive; facilitators and admins only. */
    @Transactional(readOnly = true)
    public List<ProjectMonth> responsesPerMonth(Tenant tenant, YearMonth first, YearMonth last) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("form");
        }
        LocalDate from = first.atDay(1);
        LocalDate to = last.atDay(1);
        return months.perMonth(tenant.organisationId(), from, to).stream()
                .map(m -> new ProjectMonth(m.projectId(), YearMonth.from(m.month()), m.responses()))
                .toList();
    }
}

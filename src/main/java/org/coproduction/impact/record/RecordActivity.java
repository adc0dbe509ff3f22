package org.coproduction.impact.record;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was recorded, month by month, across the organisation's projects: for the organisation
 * overview (issue 11). One grouped query on the {@code (organisation_id, project_id, happened_on)}
 * index; removed items are left out.
 */
@Service
public class RecordActivity {

    /**
     * One project's month: recorded items (any kind), activities among them, and people taking part
     * in those activities (named members, each once a month, plus the others counted).
     */
    public record ProjectMonth(UUID projectId, YearMonth month, int items, int activities, int peopleTakingPart) {}

    private final JdbcClient jdbc;

    RecordActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per project and month, from {@code first} to {@code last} inclusive; facilitators and admins only. */
    @Transactional(readOnly = true)
    public List<ProjectMonth> perMonth(Tenant tenant, YearMonth first, YearMonth last) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("record");
        }
        return perMonth(tenant.organisationId(), first.atDay(1), last.atEndOfMonth());
    }

    private List<ProjectMonth> perMonth(OrganisationId org, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        with items as (
                            select i.project_id, cast(date_trunc('month', i.happened_on) as date) as month, count(*) as items,
                                   count(*) filter (where i.kind = 'ACTIVITY') as activities,
                                   coalesce(sum(i.others_count) filter (where i.kind = 'ACTIVITY'), 0) as others
                            from record_item i
                            where i.organisation_id = :org and i.archived_at is null and i.happened_on between :from and :to
                            group by 1, 2
                        ), named as (
                            select i.project_id, cast(date_trunc('month', i.happened_on) as date) as month, count(distinct a.user_id) as named
                            from record_item i
                            join record_attendance a on a.item_id = i.id and a.organisation_id = i.organisation_id
                            where i.organisation_id = :org and i.archived_at is null and i.kind = 'ACTIVITY'
                              and i.happened_on between :from and :to
                            group by 1, 2
                        )
                        select items.project_id, items.month, items.items, items.activities, items.others, coalesce(named.named, 0) as named
                        from items left join named on named.project_id = items.project_id and named.month = items.month
                        order by items.month
                        """)
                .param("org", org.value())
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new ProjectMonth(rs.getObject("project_id", UUID.class),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("items"), rs.getInt("activities"),
                        rs.getInt("others") + rs.getInt("named")))
                .list();
    }
}

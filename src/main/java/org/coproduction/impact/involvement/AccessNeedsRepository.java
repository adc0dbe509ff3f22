package org.coproduction.impact.involvement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's access needs. Every query names the organisation. */
@Repository
class AccessNeedsRepository {

    /** The needs' columns, each named with the table (user_account has an easy_read column too). */
    private static final String COLUMNS = Stream.of(AccessNeed.values()).map(AccessNeed::column).collect(Collectors.joining(", a.", "a.", ""));

    private final JdbcClient jdbc;

    AccessNeedsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccessNeeds> find(OrganisationId org, UUID userId) {
        return of(org, List.of(userId)).stream().findFirst();
    }

    /** The needs recorded for these people (those with none recorded are left out). */
    List<AccessNeeds> of(OrganisationId org, Collection<UUID> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.user_id, u.display_name, %s, a.times_cannot_make, a.anything_else, a.set_by, s.display_name as set_by_name, a.set_at
                        from access_needs a
                        join user_account u on u.id = a.user_id
                        left join user_account s on s.id = a.set_by
                        where a.organisation_id = :org and a.user_id in (:people)
                        order by u.display_name
                        """.formatted(COLUMNS))
                .param("org", org.value())
                .param("people", Set.copyOf(people))
                .query(AccessNeedsRepository::row)
                .list();
    }

    private static AccessNeeds row(ResultSet rs, int n) throws SQLException {
        Set<AccessNeed> needs = EnumSet.noneOf(AccessNeed.class);
        for (AccessNeed need : AccessNeed.values()) {
            if (rs.getBoolean(need.column())) {
                needs.add(need);
            }
        }
        return new AccessNeeds(rs.getObject("user_id", UUID.class), rs.getString("display_name"), needs, rs.getString("times_cannot_make"),
                rs.getString("anything_else"), rs.getObject("set_by", UUID.class), rs.getString("set_by_name"),
                rs.getObject("set_at", OffsetDateTime.class));
    }

    void save(OrganisationId org, UUID userId, UserId by, AccessNeeds.Draft d) {
        String columns = Stream.of(AccessNeed.values()).map(AccessNeed::column).collect(Collectors.joining(", "));
        String values = Stream.of(AccessNeed.values()).map(n -> ":" + n.column()).collect(Collectors.joining(", "));
        String updates = Stream.of(AccessNeed.values()).map(n -> n.column() + " = excluded." + n.column()).collect(Collectors.joining(", "));
        var sql = jdbc.sql("""
                        insert into access_needs (organisation_id, user_id, %s, times_cannot_make, anything_else, set_by, set_at)
                        values (:org, :user, %s, :times, :else, :by, now())
                        on conflict (organisation_id, user_id) do update set %s, times_cannot_make = excluded.times_cannot_make,
                            anything_else = excluded.anything_else, set_by = excluded.set_by, set_at = excluded.set_at
                        """.formatted(columns, values, updates))
                .param("org", org.value())
                .param("user", userId)
                .param("times", d.timesCannotMake())
                .param("else", d.anythingElse())
                .param("by", by.value());
        for (AccessNeed need : AccessNeed.values()) {
            sql = sql.param(need.column(), d.needs().contains(need));
        }
        sql.update();
    }

    boolean delete(OrganisationId org, UUID userId) {
        return jdbc.sql("delete from access_needs where organisation_id = :org and user_id = :user")
                .param("org", org.value())
                .param("user", userId)
                .update() == 1;
    }
}

package org.coproduction.impact.involvement;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LocalProfileRepository {

    private final JdbcClient jdbc;

    LocalProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Area(String areaName, @Nullable String source, OffsetDateTime importedAt) {}

    Optional<LocalProfile> find(OrganisationId org) {
        Optional<Area> area = jdbc.sql("select area_name, source, imported_at from local_population_area where organisation_id = :org")
                .param("org", org.value())
                .query(Area.class)
                .optional();
        if (area.isEmpty()) {
            return Optional.empty();
        }
        Map<AboutYou, Map<String, Long>> people = new EnumMap<>(AboutYou.class);
        jdbc.sql("select part, choice, people from local_population where organisation_id = :org order by part, choice")
                .param("org", org.value())
                .query((rs, n) -> new Object[] {rs.getString("part"), rs.getString("choice"), rs.getLong("people")})
                .list()
                .forEach(row -> AboutYou.fromSlug((String) row[0]).ifPresent(part ->
                        people.computeIfAbsent(part, p -> new LinkedHashMap<>()).put((String) row[1], (Long) row[2])));
        return Optional.of(new LocalProfile(area.get().areaName(), area.get().source(), area.get().importedAt(), people));
    }

    /** Replaces the organisation's profile with these figures, in the caller's transaction. */
    void replace(OrganisationId org, UserId by, String areaName, @Nullable String source, List<LocalProfileCsv.Row> rows) {
        jdbc.sql("delete from local_population where organisation_id = :org").param("org", org.value()).update();
        jdbc.sql("""
                        insert into local_population_area (organisation_id, area_name, source, imported_at, imported_by)
                        values (:org, :area, :source, now(), :by)
                        on conflict (organisation_id) do update
                        set area_name = excluded.area_name, source = excluded.source, imported_at = now(), imported_by = excluded.imported_by
                        """)
                .param("org", org.value())
                .param("area", areaName)
                .param("source", source)
                .param("by", by.value())
                .update();
        for (LocalProfileCsv.Row row : rows) {
            jdbc.sql("insert into local_population (organisation_id, part, choice, people) values (:org, :part, :choice, :people)")
                    .param("org", org.value())
                    .param("part", row.part().slug())
                    .param("choice", row.group())
                    .param("people", row.people())
                    .update();
        }
    }
}

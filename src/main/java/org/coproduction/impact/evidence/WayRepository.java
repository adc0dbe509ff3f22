package org.coproduction.impact.evidence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation's list of ways of collecting evidence and who agreed it. */
@Repository
class WayRepository {

    private final JdbcClient jdbc;

    WayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Details(String name, @Nullable String description, @Nullable String examples, Collection<EvidenceType> types) {}

    /** Marks the organisation's list as started; true only for the one caller that started it. */
    boolean claimList(OrganisationId org) {
        return jdbc.sql("insert into evidence_list (organisation_id) values (:org) on conflict do nothing")
                        .param("org", org.value())
                        .update()
                == 1;
    }

    ListAgreement agreement(OrganisationId org) {
        return jdbc.sql("""
                        select l.who_agreed, l.agreed_on, l.version, l.updated_at as recorded_at, u.display_name as recorded_by_name
                        from evidence_list l
                        left join user_account u on u.id = l.updated_by
                        where l.organisation_id = :org
                        """)
                .param("org", org.value())
                .query(ListAgreement.class)
                .optional()
                .orElse(new ListAgreement(null, null, 0, null, null));
    }

    boolean saveAgreement(OrganisationId org, int version, String whoAgreed, LocalDate agreedOn, UserId by) {
        return jdbc.sql("""
                        update evidence_list set who_agreed = :who, agreed_on = :on, version = version + 1,
                               updated_at = now(), updated_by = :by
                        where organisation_id = :org and version = :version
                        """)
                        .param("who", whoAgreed)
                        .param("on", agreedOn)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("version", version)
                        .update()
                == 1;
    }

    private static final String SELECT = """
            select w.id, w.seed_key, w.name, w.description, w.examples, array_to_string(w.types, ',') as types,
                   w.version, w.retired_at, w.updated_at, u.display_name as updated_by_name
            from evidence_way w
            left join user_account u on u.id = w.updated_by
            """;

    private record Row(UUID id, @Nullable String seedKey, String name, @Nullable String description, @Nullable String examples,
            String types, int version, @Nullable OffsetDateTime retiredAt, OffsetDateTime updatedAt, @Nullable String updatedByName) {

        WayOfCollecting way() {
            List<EvidenceType> list = Arrays.stream(types.split(",")).map(EvidenceType::valueOf).sorted().toList();
            return new WayOfCollecting(id, seedKey, name, description, examples, list, version, retiredAt != null, updatedAt, updatedByName);
        }
    }

    List<WayOfCollecting> list(OrganisationId org) {
        return jdbc.sql(SELECT + " where w.organisation_id = :org order by w.position, w.id")
                .param("org", org.value())
                .query(Row.class)
                .list()
                .stream()
                .map(Row::way)
                .toList();
    }

    Optional<WayOfCollecting> find(OrganisationId org, UUID id) {
        return jdbc.sql(SELECT + " where w.organisation_id = :org and w.id = :id")
                .param("org", org.value())
                .param("id", id)
                .query(Row.class)
                .optional()
                .map(Row::way);
    }

    long countCurrent(OrganisationId org) {
        return jdbc.sql("select count(*) from evidence_way where organisation_id = :org and retired_at is null")
                .param("org", org.value())
                .query(Long.class)
                .single();
    }

    UUID add(OrganisationId org, @Nullable String seedKey, Details d, @Nullable UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into evidence_way (id, organisation_id, seed_key, name, description, examples, types, position, updated_by)
                        values (:id, :org, :seed, :name, :description, :examples, string_to_array(:types, ','),
                                (select coalesce(max(position), 0) + 1 from evidence_way where organisation_id = :org), :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("seed", seedKey)
                .param("name", d.name())
                .param("description", d.description())
                .param("examples", d.examples())
                .param("types", types(d.types()))
                .param("by", by == null ? null : by.value())
                .update();
        return id;
    }

    boolean update(OrganisationId org, UUID id, int version, Details d, UserId by) {
        return jdbc.sql("""
                        update evidence_way set name = :name, description = :description, examples = :examples,
                               types = string_to_array(:types, ','), version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and id = :id and version = :version
                        """)
                        .param("name", d.name())
                        .param("description", d.description())
                        .param("examples", d.examples())
                        .param("types", types(d.types()))
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean setRetired(OrganisationId org, UUID id, int version, boolean retired, UserId by) {
        return jdbc.sql("""
                        update evidence_way set retired_at = case when :retired then now() end, version = version + 1,
                               updated_at = now(), updated_by = :by
                        where organisation_id = :org and id = :id and version = :version
                        """)
                        .param("retired", retired)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static String types(Collection<EvidenceType> types) {
        return types.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}

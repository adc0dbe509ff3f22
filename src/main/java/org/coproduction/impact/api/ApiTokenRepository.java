package org.coproduction.impact.api;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.ApiClient;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrganisationId org, UUID id, String name, String prefix, byte[] hash, List<String> scopes,
            @Nullable OffsetDateTime expiresAt, UserId createdBy) {
        jdbc.sql("""
                        insert into api_token (id, organisation_id, name, prefix, token_hash, scopes, expires_at, created_by)
                        values (:id, :org, :name, :prefix, :hash, :scopes, :expires, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("scopes", scopes.toArray(String[]::new))
                .param("expires", expiresAt)
                .param("by", createdBy.value())
                .update();
    }

    List<ApiToken> list(OrganisationId org) {
        return jdbc.sql("""
                        select t.id, t.name, t.prefix, t.scopes, t.created_at, u.display_name, t.expires_at, t.last_used_at, t.revoked_at
                        from api_token t
                        left join user_account u on u.id = t.created_by
                        where t.organisation_id = :org
                        order by t.revoked_at is not null, t.created_at desc, t.id
                        """)
                .param("org", org.value())
                .query((rs, n) -> new ApiToken(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    Optional<ApiToken> find(OrganisationId org, UUID id) {
        return list(org).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    boolean revoke(OrganisationId org, UUID id, UserId by) {
        return jdbc.sql("""
                        update api_token set revoked_at = now(), revoked_by = :by
                        where organisation_id = :org and id = :id and revoked_at is null
                        """)
                .param("org", org.value())
                .param("id", id)
                .param("by", by.value())
                .update() == 1;
    }

    /**
     * The usable token with this hash, across organisations: the token is what says which
     * organisation is asking. Marks it used (at most once a minute, so a busy dashboard does not
     * write on every request).
     */
    Optional<ApiClient> usable(byte[] hash) {
        Optional<ApiClient> client = jdbc.sql("""
                        select t.id, t.organisation_id, o.name, t.created_by, t.scopes
                        from api_token t
                        join organisation o on o.id = t.organisation_id
                        where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
                          and o.suspended_at is null
                        """)
                .param("hash", hash)
                .query((rs, n) -> {
                    UUID createdBy = rs.getObject(4, UUID.class);
                    return new ApiClient(rs.getObject(1, UUID.class), new OrganisationId(rs.getObject(2, UUID.class)), rs.getString(3),
                            createdBy == null ? null : new UserId(createdBy), Set.copyOf(strings(rs.getArray(5))));
                })
                .optional();
        client.ifPresent(c -> jdbc.sql("""
                        update api_token set last_used_at = now()
                        where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')
                        """)
                .param("id", c.tokenId())
                .update());
        return client;
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package org.coproduction.impact.organisation;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use, expiring password reset links. Only the hash of each token is stored. */
@Repository
class PasswordResets {

    private final JdbcClient jdbc;

    PasswordResets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a link token for the account and returns it (the only time it exists in clear). */
    String create(UserId user, Duration lifetime) {
        String token = Tokens.linkToken();
        jdbc.sql("""
                        insert into password_reset (id, user_id, token_hash, expires_at)
                        values (:id, :user, :hash, now() + make_interval(secs => :secs))
                        """)
                .param("id", UUID.randomUUID())
                .param("user", user.value())
                .param("hash", Tokens.hash(token))
                .param("secs", (double) lifetime.toSeconds())
                .update();
        return token;
    }

    /** The account a token belongs to, if it is unused and has not expired. */
    Optional<UserId> validUser(String token) {
        return jdbc.sql("""
                        select user_id from password_reset
                        where token_hash = :hash and used_at is null and expires_at > now()
                        """)
                .param("hash", Tokens.hash(token))
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }

    /** Uses the token up; false if someone used it first. Also retires the account's other links. */
    boolean use(String token, UserId user) {
        int used = jdbc.sql("""
                        update password_reset set used_at = now()
                        where token_hash = :hash and used_at is null and expires_at > now()
                        """)
                .param("hash", Tokens.hash(token))
                .update();
        jdbc.sql("update password_reset set used_at = now() where user_id = :user and used_at is null")
                .param("user", user.value())
                .update();
        return used == 1;
    }
}

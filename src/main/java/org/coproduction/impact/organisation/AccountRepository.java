package org.coproduction.impact.organisation;

import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts. Not tenant data: a person can belong to several organisations. */
@Repository
class AccountRepository {

    private static final String SELECT = "select id, username, email, display_name, password_hash, easy_read, language from user_account ";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UserId create(String username, @Nullable String email, String displayName, String passwordHash) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into user_account (id, username, email, display_name, password_hash)
                        values (:id, :username, :email, :name, :hash)
                        """)
                .param("id", id)
                .param("username", username)
                .param("email", email)
                .param("name", displayName)
                .param("hash", passwordHash)
                .update();
        return new UserId(id);
    }

    /** Finds an account by its username or its email address, ignoring case. */
    Optional<Account> findByLogin(String login) {
        return jdbc.sql(SELECT + "where lower(username) = lower(:login) or lower(email) = lower(:login) limit 1")
                .param("login", login.strip())
                .query(Account.class)
                .optional();
    }

    /** Finds an account by its email address, ignoring case (email addresses are unique). */
    Optional<Account> findByEmail(String email) {
        return jdbc.sql(SELECT + "where lower(email) = lower(:email)")
                .param("email", email.strip())
                .query(Account.class)
                .optional();
    }

    Optional<Account> findById(UserId id) {
        return jdbc.sql(SELECT + "where id = :id").param("id", id.value()).query(Account.class).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from user_account where lower(username) = lower(:u)")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from user_account where lower(email) = lower(:e)")
                        .param("e", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void setPassword(UserId id, String hash) {
        jdbc.sql("update user_account set password_hash = :hash where id = :id")
                .param("hash", hash)
                .param("id", id.value())
                .update();
    }

    void setEasyRead(UserId id, boolean on) {
        jdbc.sql("update user_account set easy_read = :on where id = :id")
                .param("on", on)
                .param("id", id.value())
                .update();
    }

    void setLanguage(UserId id, String code) {
        jdbc.sql("update user_account set language = :code where id = :id")
                .param("code", code)
                .param("id", id.value())
                .update();
    }
}

package org.coproduction.impact.organisation;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (and wrong invitation codes) per account and per address in the database,
 * so the limit holds across every instance of the service. After too many failures in the window,
 * further tries are refused with a plain message until the window has passed.
 */
@Component
class SignInAttempts {

    private final JdbcClient jdbc;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    SignInAttempts(
            JdbcClient jdbc,
            @Value("${app.sign-in.max-failures-per-account:5}") int perAccount,
            @Value("${app.sign-in.max-failures-per-address:20}") int perAddress,
            @Value("${app.sign-in.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    boolean isBlocked(@Nullable String account, String address) {
        long byAddress = count("remote_address = :key", address);
        if (byAddress >= perAddress) {
            return true;
        }
        return account != null && count("account_key = :key", key(account)) >= perAccount;
    }

    void recordFailure(@Nullable String account, String address) {
        jdbc.sql("insert into sign_in_failure (account_key, remote_address) values (:account, :address)")
                .param("account", account == null ? null : key(account))
                .param("address", address)
                .update();
    }

    /** A successful sign-in clears the account's failures (not the address's). */
    void recordSuccess(String account) {
        jdbc.sql("delete from sign_in_failure where account_key = :account")
                .param("account", key(account))
                .update();
    }

    Duration window() {
        return window;
    }

    private long count(String where, String key) {
        return jdbc.sql("select count(*) from sign_in_failure where " + where
                        + " and at > now() - make_interval(secs => :secs)")
                .param("key", key)
                .param("secs", (double) window.toSeconds())
                .query(Long.class)
                .single();
    }

    private static String key(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }
}

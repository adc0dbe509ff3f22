package org.coproduction.impact.organisation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing, without handing out lock-outs (issues 15 and 17).
 *
 * <p>Failed sign-ins are counted per account <em>and</em> address, in the database so the count
 * holds across every instance. The first few failures cost nothing; after that each further try
 * from that address for that account must wait, twice as long each time up to a ceiling. Tries
 * made while waiting are refused without checking the password and are not counted. So someone
 * guessing one account's password from one place gets a handful of tries an hour, while the owner
 * signing in from anywhere else is not slowed at all, and from the same place only waits.
 *
 * <p>Wrong invitation codes are a separate budget, per address, with the same kind of delay: they
 * never slow anyone's sign-in. Failures older than the window are forgotten and purged.
 */
@Component
class SignInAttempts {

    private static final String SIGN_IN = "sign-in";
    private static final String JOIN_CODE = "join-code";

    private final JdbcClient jdbc;
    private final Policy signIns;
    private final Policy codes;
    private final Duration window;

    /** Free tries, then a delay that starts at {@code first} and doubles up to {@code longest}. */
    record Policy(int freeTries, Duration first, Duration longest) {

        Duration delayAfter(long failures) {
            if (failures < freeTries) {
                return Duration.ZERO;
            }
            long doublings = Math.min(failures - freeTries, 20);
            Duration delay = first.multipliedBy(1L << doublings);
            return delay.compareTo(longest) > 0 ? longest : delay;
        }
    }

    SignInAttempts(
            JdbcClient jdbc,
            @Value("${app.sign-in.free-tries:5}") int signInFreeTries,
            @Value("${app.sign-in.first-delay:30s}") Duration signInFirstDelay,
            @Value("${app.sign-in.longest-delay:5m}") Duration signInLongestDelay,
            @Value("${app.join-code.free-tries:20}") int codeFreeTries,
            @Value("${app.join-code.first-delay:30s}") Duration codeFirstDelay,
            @Value("${app.join-code.longest-delay:5m}") Duration codeLongestDelay,
            @Value("${app.sign-in.window:1h}") Duration window) {
        this.jdbc = jdbc;
        this.signIns = new Policy(signInFreeTries, signInFirstDelay, signInLongestDelay);
        this.codes = new Policy(codeFreeTries, codeFirstDelay, codeLongestDelay);
        this.window = window;
    }

    /** How long this account must wait before another try from this address; empty when it may try now. */
    Optional<Duration> waitBeforeSignIn(String account, String address) {
        return waitFor(signIns, "purpose = 'sign-in' and account_key = :account and remote_address = :address", key(account), address);
    }

    /** How long this address must wait before typing another invitation code; empty when it may try now. */
    Optional<Duration> waitBeforeCode(String address) {
        return waitFor(codes, "purpose = 'join-code' and remote_address = :address", null, address);
    }

    /**
     * Counts a wrong password, and says whether this failure is the one that starts the delays (so
     * the owner can be told, once).
     */
    boolean recordSignInFailure(String account, String address) {
        insert(SIGN_IN, key(account), address);
        return failures("purpose = 'sign-in' and account_key = :account and remote_address = :address", key(account), address).count()
                == signIns.freeTries();
    }

    void recordCodeFailure(String address) {
        insert(JOIN_CODE, null, address);
    }

    /** A successful sign-in forgets the account's failures from that address (others still wait). */
    void recordSuccess(String account, String address) {
        jdbc.sql("delete from sign_in_failure where purpose = 'sign-in' and account_key = :account and remote_address = :address")
                .param("account", key(account))
                .param("address", address)
                .update();
    }

    /** An ADMIN lets the person try again at once, from anywhere. */
    int unlock(Collection<String> accountNames) {
        return jdbc.sql("delete from sign_in_failure where purpose = 'sign-in' and account_key in (:accounts)")
                .param("accounts", accountNames.stream().map(SignInAttempts::key).toList())
                .update();
    }

    /** Whether sign-ins to the account are being slowed down from any address now. */
    boolean isSlowed(Collection<String> accountNames) {
        List<Failures> byAddress = jdbc.sql("""
                        select count(*), max(at), now() from sign_in_failure
                        where purpose = 'sign-in' and account_key in (:accounts) and at > now() - make_interval(secs => :secs)
                        group by remote_address
                        """)
                .param("accounts", accountNames.stream().map(SignInAttempts::key).toList())
                .param("secs", (double) window.toSeconds())
                .query((rs, n) -> new Failures(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)))
                .list();
        return byAddress.stream().anyMatch(f -> f.waitUnder(signIns).isPresent());
    }

    /** Failures older than the window count for nothing: forget them. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    int purge() {
        return OrganisationScope.asTheService("forgetting old failed sign-ins, which belong to accounts, not organisations",
                () -> jdbc.sql("delete from sign_in_failure where at < now() - make_interval(secs => :secs)")
                        .param("secs", (double) window.toSeconds())
                        .update());
    }

    private record Failures(long count, @Nullable OffsetDateTime last, OffsetDateTime now) {

        Optional<Duration> waitUnder(Policy policy) {
            Duration delay = policy.delayAfter(count);
            if (delay.isZero() || last == null) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, last.plus(delay));
            return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
        }
    }

    private Optional<Duration> waitFor(Policy policy, String where, @Nullable String account, String address) {
        return failures(where, account, address).waitUnder(policy);
    }

    private Failures failures(String where, @Nullable String account, String address) {
        var sql = jdbc.sql("select count(*), max(at), now() from sign_in_failure where " + where
                        + " and at > now() - make_interval(secs => :secs)")
                .param("address", address)
                .param("secs", (double) window.toSeconds());
        if (account != null) {
            sql = sql.param("account", account);
        }
        return sql.query((rs, n) -> new Failures(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)))
                .single();
    }

    private void insert(String purpose, @Nullable String account, String address) {
        jdbc.sql("insert into sign_in_failure (purpose, account_key, remote_address) values (:purpose, :account, :address)")
                .param("purpose", purpose)
                .param("account", account)
                .param("address", address)
                .update();
    }

    private static String key(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }
}

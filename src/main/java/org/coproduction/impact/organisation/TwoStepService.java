package org.coproduction.impact.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-step sign-in: after the password, a six-digit code from an authenticator app (TOTP), or one of
 * ten one-time recovery codes. A person turns it on for their own account; an ADMIN can require it
 * of the organisation's ADMINs and FACILITATORs, who are then asked to set it up at their next
 * sign-in. Work accounts (single sign-on) leave it to the organisation's own provider.
 */
@Service
public class TwoStepService {

    /** What a person still has to do after their password was right. */
    public enum Pending {
        /** Type a code from their app. */
        CODE,
        /** Set up an app first: their organisation requires it. */
        SET_UP
    }

    /** A key being set up, with what the app needs to read it. */
    public record SetUp(String key, String uri) {}

    /** The session attribute that marks a sign-in waiting for its second step ({@link Pending}'s name). */
    public static final String SESSION_PENDING = "signIn.twoStepPending";

    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    TwoStepService(JdbcClient jdbc, AuditLog audit, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public boolean isOn(UserId user) {
        return jdbc.sql("select count(*) from account_two_step where user_id = :u and confirmed_at is not null")
                .param("u", user.value()).query(Long.class).single() > 0;
    }

    /** Whether any organisation the person is an ADMIN or FACILITATOR of requires two-step sign-in. */
    public boolean isRequired(UserId user) {
        return jdbc.sql("""
                        select count(*) from membership m join organisation o on o.id = m.organisation_id
                        where m.user_id = :u and m.role in ('ADMIN', 'FACILITATOR') and o.two_step_for_staff
                        """)
                .param("u", user.value()).query(Long.class).single() > 0;
    }

    /** After a right password: what is still needed before the person is signed in, if anything. */
    public Optional<Pending> afterPassword(UserId user) {
        if (isOn(user)) {
            return Optional.of(Pending.CODE);
        }
        return isRequired(user) ? Optional.of(Pending.SET_UP) : Optional.empty();
    }

    /** A new key for a person without two-step sign-in (a half-done set-up is started again). */
    @Transactional
    public SetUp startSetUp(UserId user, String account) {
        if (isOn(user)) {
            throw new IllegalStateException("two-step sign-in is already on");
        }
        byte[] secret = Totp.newSecret();
        jdbc.sql("""
                        insert into account_two_step (user_id, secret) values (:u, :s)
                        on conflict (user_id) do update set secret = excluded.secret, confirmed_at = null, last_step = 0, created_at = now()
                        """)
                .param("u", user.value()).param("s", secret).update();
        return new SetUp(Totp.base32(secret), Totp.uri("Co-production Impact", account, secret));
    }

    /** The key being set up, to show it again after a wrong code. */
    public Optional<SetUp> settingUp(UserId user, String account) {
        return jdbc.sql("select secret from account_two_step where user_id = :u and confirmed_at is null")
                .param("u", user.value()).query(byte[].class).optional()
                .map(secret -> new SetUp(Totp.base32(secret), Totp.uri("Co-production Impact", account, secret)));
    }

    /**
     * Turns two-step sign-in on when {@code code} is from the app being set up; returns the recovery
     * codes, shown once and kept only as hashes.
     */
    @Transactional
    public Optional<List<String>> confirm(UserId user, String code) {
        Optional<byte[]> secret = jdbc.sql("select secret from account_two_step where user_id = :u and confirmed_at is null for update")
                .param("u", user.value()).query(byte[].class).optional();
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.match(secret.get(), code, clock.instant(), 0);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update account_two_step set confirmed_at = now(), last_step = :step where user_id = :u")
                .param("step", step.getAsLong()).param("u", user.value()).update();
        jdbc.sql("delete from account_recovery_code where user_id = :u").param("u", user.value()).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = recoveryCode();
            codes.add(c);
            jdbc.sql("insert into account_recovery_code (user_id, code_hash) values (:u, :h)")
                    .param("u", user.value()).param("h", hash(c)).update();
        }
        audit.record(null, user, "TWO_STEP_ON", "account", user.value(), null);
        return Optional.of(List.copyOf(codes));
    }

    /**
     * Checks the second step of a sign-in: a code from the app (each accepted once), or an unused
     * recovery code (then used up).
     */
    @Transactional
    public boolean check(UserId user, String typed) {
        Optional<TwoStepRow> row = jdbc.sql("""
                        select secret, last_step from account_two_step where user_id = :u and confirmed_at is not null for update
                        """)
                .param("u", user.value()).query(TwoStepRow.class).optional();
        if (row.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.match(row.get().secret(), typed, clock.instant(), row.get().lastStep());
        if (step.isPresent()) {
            jdbc.sql("update account_two_step set last_step = :step where user_id = :u")
                    .param("step", step.getAsLong()).param("u", user.value()).update();
            return true;
        }
        String normal = typed.replaceAll("[\\s-]", "").toLowerCase(java.util.Locale.ROOT);
        if (normal.length() != 10) {
            return false;
        }
        boolean used = jdbc.sql("""
                        update account_recovery_code set used_at = now()
                        where user_id = :u and code_hash = :h and used_at is null
                        """)
                .param("u", user.value()).param("h", hash(normal)).update() == 1;
        if (used) {
            audit.record(null, user, "TWO_STEP_RECOVERY_CODE_USED", "account", user.value(), null);
        }
        return used;
    }

    record TwoStepRow(byte[] secret, long lastStep) {}

    public int recoveryCodesLeft(UserId user) {
        return jdbc.sql("select count(*) from account_recovery_code where user_id = :u and used_at is null")
                .param("u", user.value()).query(Long.class).single().intValue();
    }

    /** Turns it off for oneself; refused (false) while an organisation of theirs requires it. */
    @Transactional
    public boolean turnOff(UserId user) {
        if (isRequired(user)) {
            return false;
        }
        forget(user);
        audit.record(null, user, "TWO_STEP_OFF", "account", user.value(), null);
        return true;
    }

    /** An ADMIN turns it off for someone in their organisation who lost their phone and codes. */
    @Transactional
    public void reset(Tenant admin, UUID person) {
        requireAdmin(admin);
        boolean member = jdbc.sql("select count(*) from membership where organisation_id = :o and user_id = :u")
                .param("o", admin.organisationId().value()).param("u", person).query(Long.class).single() > 0;
        if (!member) {
            throw new NotFoundException("no such person in this organisation");
        }
        forget(new UserId(person));
        audit.record(admin.organisationId(), admin.userId(), "TWO_STEP_RESET", "account", person, null);
    }

    private void forget(UserId user) {
        jdbc.sql("delete from account_recovery_code where user_id = :u").param("u", user.value()).update();
        jdbc.sql("delete from account_two_step where user_id = :u").param("u", user.value()).update();
    }

    public boolean requiredIn(OrganisationId organisation) {
        return jdbc.sql("select two_step_for_staff from organisation where id = :o")
                .param("o", organisation.value()).query(Boolean.class).single();
    }

    @Transactional
    public void require(Tenant admin, boolean required) {
        requireAdmin(admin);
        jdbc.sql("update organisation set two_step_for_staff = :r where id = :o")
                .param("r", required).param("o", admin.organisationId().value()).update();
        audit.record(admin.organisationId(), admin.userId(), required ? "TWO_STEP_REQUIRED" : "TWO_STEP_NOT_REQUIRED", "organisation",
                admin.organisationId().value(), null);
    }

    /** One of the organisation's ADMINs and FACILITATORs, and whether they have two-step sign-in on. */
    public record Staff(UUID userId, String name, Role role, boolean on) {}

    public List<Staff> staff(OrganisationId organisation) {
        return jdbc.sql("""
                        select m.user_id, a.display_name, m.role, t.user_id is not null as is_on from membership m
                        join user_account a on a.id = m.user_id
                        left join account_two_step t on t.user_id = m.user_id and t.confirmed_at is not null
                        where m.organisation_id = :o and m.role in ('ADMIN', 'FACILITATOR')
                        order by lower(a.display_name), m.user_id
                        """)
                .param("o", organisation.value())
                .query((rs, n) -> new Staff(rs.getObject(1, UUID.class), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .list();
    }

    private static void requireAdmin(Tenant admin) {
        if (admin.role() != Role.ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("only an ADMIN");
        }
    }

    private static String recoveryCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
        }
        return s.toString();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

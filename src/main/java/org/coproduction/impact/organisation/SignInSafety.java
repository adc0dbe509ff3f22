package org.coproduction.impact.organisation;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an ADMIN can do about a person's signing in: see whether their sign-ins are being slowed
 * after wrong passwords, let them try again at once, and end every session they have (a lost
 * phone, a shared computer left signed in). Both are written in the activity log.
 */
@Service
public class SignInSafety {

    /** A person's signing in, as their ADMIN sees it. */
    public record Status(Person person, boolean slowed, int sessions) {}

    private final OrganisationService organisations;
    private final SignInAttempts attempts;
    private final AccountSessions sessions;
    private final AuditLog audit;

    SignInSafety(OrganisationService organisations, SignInAttempts attempts, AccountSessions sessions, AuditLog audit) {
        this.organisations = organisations;
        this.attempts = attempts;
        this.sessions = sessions;
        this.audit = audit;
    }

    public Status status(Tenant tenant, UUID personId) {
        Person person = organisations.person(tenant, personId);
        return new Status(person, attempts.isSlowed(List.of(person.username())), sessions.count(person.username()));
    }

    /** Ends the person's sessions (all but {@code keep}, the ADMIN's own when they end their own). */
    @Transactional
    public int endSessions(Tenant tenant, UUID personId, @Nullable String keep) {
        Person person = organisations.person(tenant, personId);
        int ended = sessions.endAll(person.username(), keep);
        audit.record(tenant.organisationId(), tenant.userId(), "SESSIONS_ENDED", "account", new UserId(person.userId()),
                person.displayName() + " (" + ended + ")");
        return ended;
    }

    /** Forgets the person's wrong passwords, so they can try again now from anywhere. */
    @Transactional
    public void letTryNow(Tenant tenant, UUID personId) {
        Person person = organisations.person(tenant, personId);
        attempts.unlock(List.of(person.username()));
        audit.record(tenant.organisationId(), tenant.userId(), "SIGN_IN_UNSLOWED", "account", new UserId(person.userId()),
                person.displayName());
    }
}

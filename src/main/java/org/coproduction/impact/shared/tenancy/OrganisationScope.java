package org.coproduction.impact.shared.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The organisation the current thread works for, as the database's second wall sees it
 * ({@code shared/db/RowLevelSecurity}): while it is set, every connection the service takes is
 * limited by PostgreSQL row-level security to that organisation's rows, so a query that forgot its
 * {@code organisation_id} condition still finds nothing of another organisation.
 *
 * <p>Set by {@link AccessInterceptor} for every page, and cleared when the request ends: a page that
 * needs a role in an organisation is limited to it; a public page reached by a token to its token's
 * organisation ({@link TokenScope}); any other page to the signed-in person's current organisation, or
 * to {@link #NONE}, unless its handler must look across organisations ({@link AcrossOrganisations}).
 * Work that is no organisation's says why with {@link #asTheService} and runs each organisation's
 * part {@link #within} it: signing in and keeping sessions before the access check, the
 * {@link AcrossOrganisations} pages, migrations and start-up work, and scheduled jobs. Every request
 * is held {@link #strictly} ({@link StrictRequests}), so a connection taken in one with neither is
 * refused. The operator's pages work
 * across organisations on purpose, and say so ({@link #acrossOrganisations()}): their connections take
 * the database's operator role, and each of their requests is written in the audit log.
 */
public final class OrganisationScope {

    /** No organisation: a request limited to it sees no organisation's rows (a public page whose token is unknown). */
    public static final OrganisationId NONE = new OrganisationId(new UUID(0, 0));

    private static final ThreadLocal<@Nullable OrganisationId> CURRENT = new ThreadLocal<>();

    private static final ThreadLocal<@Nullable Boolean> ACROSS = new ThreadLocal<>();

    /** Why the current thread's service work reads across organisations, when it says so ({@link #asTheService}). */
    private static final ThreadLocal<@Nullable String> SERVICE = new ThreadLocal<>();

    private static final ThreadLocal<@Nullable Boolean> STRICT = new ThreadLocal<>();

    /**
     * A reason that holds for everything the current thread does while it is not held
     * {@link #strictly}, and that {@link #clear} keeps: a test's own setting up and checking of its data.
     */
    private static final ThreadLocal<@Nullable String> STANDING = new ThreadLocal<>();

    private OrganisationScope() {}

    public static Optional<OrganisationId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(OrganisationId organisation) {
        CURRENT.set(organisation);
    }

    /**
     * Whether the current thread works across organisations on purpose: an operator's page. (One
     * organisation's scope, set inside it with {@link #within}, still limits what that part reads.)
     */
    public static boolean acrossOrganisations() {
        return Boolean.TRUE.equals(ACROSS.get());
    }

    /** The current thread does the service's own work, for {@code why}, until {@link #clear} ({@link AcrossOrganisations}). */
    static void setService(String why) {
        SERVICE.set(why);
    }

    static void setAcross() {
        ACROSS.set(Boolean.TRUE);
    }

    /**
     * Runs {@code work} across organisations on purpose, as the operator's pages do (their connections
     * take the operator's database role), then restores what was there before.
     */
    public static <T> T across(Supplier<T> work) {
        OrganisationId before = CURRENT.get();
        Boolean acrossBefore = ACROSS.get();
        CURRENT.remove();
        ACROSS.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            restore(CURRENT, before);
            restore(ACROSS, acrossBefore);
        }
    }

    /**
     * Runs {@code work}, work of the service's own that is no organisation's (a scheduled job, such as
     * sending the outbox's emails or finding which organisations are due a clean-up), with no
     * organisation set, so it reads every organisation's rows, and says {@code why}. A part of it that
     * works for one organisation still runs {@link #within} that organisation. Every scheduled job says
     * so or names its organisation: {@code ScheduledJobsScopeIntegrationTest} runs each one
     * {@link #strictly}.
     */
    public static <T> T asTheService(String why, Supplier<T> work) {
        String before = SERVICE.get();
        OrganisationId organisationBefore = CURRENT.get();
        CURRENT.remove();
        SERVICE.set(why);
        try {
            return work.get();
        } finally {
            restore(SERVICE, before);
            restore(CURRENT, organisationBefore);
        }
    }

    public static void asTheService(String why, Runnable work) {
        asTheService(why, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} refusing any connection taken with no organisation named and no reason given
     * for reading across organisations ({@link #within}, {@link #across}, {@link #asTheService}):
     * the database would show such a connection no organisation's rows, and the work would go wrong
     * without saying why. Every request is held so
     * ({@link StrictRequests}); the tests of scheduled jobs and start-up work use it too.
     */
    public static <T> T strictly(Supplier<T> work) {
        Boolean before = STRICT.get();
        STRICT.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            restore(STRICT, before);
        }
    }

    /**
     * Whether a connection taken now would name no organisation and give no reason for reading across
     * them, while {@link #strictly} asks that it does.
     */
    public static boolean unnamedWhileStrict() {
        return Boolean.TRUE.equals(STRICT.get()) && CURRENT.get() == null && !acrossOrganisations() && SERVICE.get() == null;
    }

    /**
     * Whether the current thread does the service's own work, with no organisation set: it has said
     * why ({@link #asTheService}, {@link AcrossOrganisations}), or stands for a reason and is not held
     * strictly. Its connections may read every organisation's rows; a connection taken with no
     * organisation and none of these reasons reads none ({@code shared/db/RowLevelSecurity}).
     */
    public static boolean serviceWork() {
        return CURRENT.get() == null && !acrossOrganisations()
                && (SERVICE.get() != null || (STANDING.get() != null && !Boolean.TRUE.equals(STRICT.get())));
    }

    /**
     * The current thread stands for {@code why} until {@link #endStanding}, through any {@link #clear},
     * except while it is held {@link #strictly}: a test's thread, which sets up and checks its own data
     * around the requests and jobs it runs (each of them held strictly, and naming itself).
     */
    static void standFor(String why) {
        STANDING.set(why);
    }

    static void endStanding() {
        STANDING.remove();
    }

    /**
     * Forgets the organisation and any reason given; whether the thread is held {@link #strictly}
     * stays, as that belongs to the work around it (a whole request: {@link StrictRequests}).
     */
    static void clear() {
        CURRENT.remove();
        ACROSS.remove();
        SERVICE.remove();
    }

    /** Holds the current thread strictly until {@link #endStrict} (a request: {@link StrictRequests}). */
    static void beginStrict() {
        STRICT.set(Boolean.TRUE);
    }

    static void endStrict() {
        STRICT.remove();
    }

    /** Runs {@code work} limited to {@code organisation}, then restores what was there before. */
    public static <T> T within(OrganisationId organisation, Supplier<T> work) {
        OrganisationId before = CURRENT.get();
        CURRENT.set(organisation);
        try {
            return work.get();
        } finally {
            restore(CURRENT, before);
        }
    }

    private static <V> void restore(ThreadLocal<@Nullable V> local, @Nullable V before) {
        if (before == null) {
            local.remove();
        } else {
            local.set(before);
        }
    }
}

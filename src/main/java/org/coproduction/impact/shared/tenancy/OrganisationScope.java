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
 * Work that is no page's (Spring Security's sign-in before the access check, scheduled jobs,
 * migrations) runs without it. The operator's pages work
 * across organisations on purpose, and say so ({@link #acrossOrganisations()}): their connections take
 * the database's operator role, and each of their requests is written in the audit log.
 */
public final class OrganisationScope {

    /** No organisation: a request limited to it sees no organisation's rows (a public page whose token is unknown). */
    public static final OrganisationId NONE = new OrganisationId(new UUID(0, 0));

    private static final ThreadLocal<@Nullable OrganisationId> CURRENT = new ThreadLocal<>();

    private static final ThreadLocal<@Nullable Boolean> ACROSS = new ThreadLocal<>();

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

    static void clear() {
        CURRENT.remove();
        ACROSS.remove();
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

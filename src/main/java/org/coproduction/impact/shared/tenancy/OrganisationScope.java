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
 * <p>Set by {@link AccessInterceptor} for every page that needs a role in an organisation, and
 * cleared when the request ends. Work that is not one organisation's (sign-in, public answering
 * pages before their form is found, the operator's pages, scheduled jobs, migrations) runs without
 * it; a public page reached by a token is limited to its token's organisation ({@link TokenScope}).
 */
public final class OrganisationScope {

    /** No organisation: a request limited to it sees no organisation's rows (a public page whose token is unknown). */
    public static final OrganisationId NONE = new OrganisationId(new UUID(0, 0));

    private static final ThreadLocal<@Nullable OrganisationId> CURRENT = new ThreadLocal<>();

    private OrganisationScope() {}

    public static Optional<OrganisationId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(OrganisationId organisation) {
        CURRENT.set(organisation);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code work} limited to {@code organisation}, then restores what was there before. */
    public static <T> T within(OrganisationId organisation, Supplier<T> work) {
        OrganisationId before = CURRENT.get();
        CURRENT.set(organisation);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}

package org.coproduction.impact.shared.db;

import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Applies the database's migrations at start-up as the service's own work, and says so (issue 15):
 * they change every organisation's tables, so no organisation limits them. Where Flyway is given an
 * account of its own ({@code spring.flyway.user}) it connects apart from the service's pool; either
 * way {@link MigrationAudit} writes what was applied in the activity log.
 */
@Component
class Migrations implements FlywayMigrationStrategy {

    static final String WHY = "applying the database's migrations";

    @Override
    public void migrate(Flyway flyway) {
        OrganisationScope.asTheService(WHY, () -> {
            flyway.migrate();
        });
    }
}

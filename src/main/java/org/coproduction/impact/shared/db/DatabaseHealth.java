package org.coproduction.impact.shared.db;

import javax.sql.DataSource;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's part of {@code /actuator/health} and of the readiness probe ({@code db}). Spring
 * Boot's own check takes a connection while the request names no organisation, which every request
 * refuses ({@code StrictRequests}), so the service reported itself down, and a load balancer that
 * asks the readiness probe would send no one to it. This is the same check, run as the service's own
 * work and said so: it asks the database whether the connection is valid and reads no rows.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

    /** Named as Spring Boot's, which then steps aside (its auto-configuration is conditional on the name). */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) throws Exception {
        DataSourceHealthIndicator check = new DataSourceHealthIndicator(dataSource);
        check.afterPropertiesSet();
        return () -> OrganisationScope.asTheService("checking that the database answers, for the health check", () -> check.health());
    }
}

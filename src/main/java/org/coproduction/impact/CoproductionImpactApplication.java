package org.coproduction.impact;

import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CoproductionImpactApplication {

    /**
     * Starts the service with its start-up work held {@link OrganisationScope#strictly strictly}, as
     * every request and scheduled job is: migrations, the demo and each runner name the organisation
     * they work for or say why they work across organisations, and a connection taken with neither is
     * refused, so the start fails plainly instead of the work silently reading nothing.
     */
    public static void main(String[] args) {
        start(args);
    }

    /** {@link #main}'s start, giving back the running service (StrictStartTest starts it so). */
    static ConfigurableApplicationContext start(String... args) {
        return OrganisationScope.strictly(() -> SpringApplication.run(CoproductionImpactApplication.class, args));
    }
}

package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Work done at start-up runs on no page, so no page limits it to an organisation: like the scheduled
 * jobs (ScheduledJobsScopeIntegrationTest), each piece says why it reads across organisations (issue
 * #15). Run here {@link OrganisationScope#strictly strictly}: a connection taken with no organisation
 * named and no reason given fails the test. (The database report is checked in
 * DatabaseConnectionsIntegrationTest.)
 */
@IntegrationTest
class StartUpWorkScopeIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    AccountRepository accounts;

    @Autowired
    InvitationRepository invitations;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    FlywayMigrationStrategy migrations;

    @Autowired
    Flyway flyway;

    @Test
    void everyStartUpRunnerNamesItsOrganisationOrSaysWhyItWorksAcrossThem() {
        List<String> ran = new ArrayList<>();
        context.getBeansOfType(ApplicationRunner.class).values().stream()
                .filter(runner -> AopUtils.getTargetClass(runner).getPackageName().startsWith("org.coproduction.impact"))
                .forEach(runner -> {
                    ran.add(AopUtils.getTargetClass(runner).getSimpleName());
                    assertThatCode(() -> OrganisationScope.strictly(() -> run(runner))).as(AopUtils.getTargetClass(runner).getSimpleName()).doesNotThrowAnyException();
                });
        assertThat(ran).contains("SsoEnvironmentSettings");
    }

    /** Migrations change every organisation's tables: the service's own work, and named so. */
    @Test
    void migrationsAreAppliedAsTheServicesOwnWork() {
        assertThatCode(() -> OrganisationScope.strictly(() -> {
            migrations.migrate(flyway);
            return null;
        })).doesNotThrowAnyException();
    }

    /**
     * The demo is off in tests, and loads into an empty database only; here it finds its organisation
     * there already, as at every start after the first, having looked across organisations for it.
     */
    @Test
    void theDemoLooksForItsOrganisationAsTheServicesOwnWork() {
        if (organisations.findByName(DemoData.ORGANISATION).isEmpty()) {
            data.organisation(DemoData.ORGANISATION);
        }
        DemoData demo = new DemoData(organisations, accounts, invitations, encoder, events, transactions);
        assertThatCode(() -> OrganisationScope.strictly(() -> {
            demo.run(null);
            return null;
        })).doesNotThrowAnyException();
    }

    private static Object run(ApplicationRunner runner) {
        try {
            runner.run(null);
            return runner;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.coproduction.impact.organisation.DemoData;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's own start, as {@code java -jar} runs it ({@link CoproductionImpactApplication#main}),
 * is held strictly (issue #15): every connection the start takes (migrations, the demo, each runner)
 * names its organisation or says why it works across them, and one that does neither stops the start
 * plainly. The pieces are run strictly one by one in StartUpWorkScopeIntegrationTest; this starts the
 * whole service, with the demo, on an embedded PostgreSQL of its own.
 */
class StrictStartTest {

    /**
     * One database for both starts, emptied when it first starts (the second finds it made and the
     * demo loaded). It runs until the tests' JVM stops, so it lives under target/, not in a temporary
     * folder JUnit would delete beneath it.
     */
    private static final Path DATA = Path.of("target", "strict-start-postgres").toAbsolutePath();

    @Test
    void theWholeStartWithTheDemoNamesEveryConnectionItTakes() throws Exception {
        try (ConfigurableApplicationContext service = CoproductionImpactApplication.start(arguments())) {
            String port = service.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            long demo = OrganisationScope.asTheService("the test looks for the demo organisation",
                    () -> jdbc.sql("select count(*) from organisation where name = ?").param(DemoData.ORGANISATION).query(Long.class).single());
            assertThat(demo).isEqualTo(1);
        }
    }

    @Test
    void aStartUpConnectionThatNamesNothingStopsTheStartWithAPlainReason() {
        List<String> arguments = new ArrayList<>(List.of(arguments()));
        arguments.add("--spring.main.sources=" + UnnamedAtStart.class.getName());
        assertThatThrownBy(() -> CoproductionImpactApplication.start(arguments.toArray(String[]::new)).close())
                .hasStackTraceContaining("A connection was taken with no organisation named and no reason given");
    }

    private static String[] arguments() {
        return new String[] {
            "--server.port=0",
            // The embedded database in a folder of its own, even where the tests' server is named.
            "--spring.datasource.url=",
            "--app.embedded-db.data-dir=" + DATA,
            "--app.embedded-db.clean=true",
            "--app.embedded-db.durable=false",
            "--app.demo.enabled=true",
            "--logging.level.root=warn",
            // The tests' own OpenID Connect provider is on the class path; the service is no authorization server.
            "--spring.autoconfigure.exclude="
                    + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
        };
    }

    /**
     * Start-up work that forgets to say whose it is: takes a connection naming nothing. Added as a
     * source by the test that wants it, and not a component, so no other start scans it in.
     */
    static class UnnamedAtStart implements ApplicationRunner {

        private final DataSource dataSource;

        UnnamedAtStart(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void run(ApplicationArguments args) throws Exception {
            try (Connection connection = dataSource.getConnection()) {
                connection.isValid(1);
            }
        }
    }
}

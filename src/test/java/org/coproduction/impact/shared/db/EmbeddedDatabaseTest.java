package org.coproduction.impact.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseTest {

    private final EmbeddedDatabase embedded = new EmbeddedDatabase(new DeferredLogs());

    @Test
    void theProdProfileRefusesToStartWithoutADatabaseServer() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> embedded.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("refuses to start on the embedded database");
    }

    @Test
    void aConfiguredServerIsLeftAlone() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org/impact");
        environment.setActiveProfiles("prod");

        embedded.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example.org/impact");
        assertThat(environment.getPropertySources().contains(EmbeddedDatabase.SOURCE)).isFalse();
    }

    @Test
    void theStartUpReportNeverShowsAPassword() {
        assertThat(DatabaseReport.withoutSecrets("jdbc:postgresql://db:5432/impact?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/impact?user=app&password=****&ssl=true");
        assertThat(DatabaseReport.withoutSecrets("jdbc:postgresql://app:s3cret@db:5432/impact"))
                .doesNotContain("s3cret");
    }
}

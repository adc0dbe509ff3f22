package org.coproduction.impact.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import javax.sql.DataSource;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;

/** How the service's connections are set up and taken. */
@IntegrationTest
class DatabaseConnectionsIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseReport report;

    /**
     * The imports (an organisation moved from another instance, responses from other survey tools,
     * past attendance) insert in batches; the driver sends each batch as a few inserts of many rows,
     * not one statement a row (bench/README.md, "Moving a large organisation", measured the gain).
     */
    @Test
    void theServicesConnectionsSendABatchOfInsertsAsInsertsOfManyRows() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
        }
    }

    /** The start-up report of which database is in use is the service's own work, and says so (issue #15). */
    @Test
    void theStartUpReportOfTheDatabaseSaysItIsTheServicesOwnWork() {
        java.util.Map<String, Object> details = OrganisationScope.strictly(() -> report.details());
        assertThat(details).containsKey("version").doesNotContainKey("error");
        assertThatCode(() -> OrganisationScope.strictly(() -> {
            report.logDatabase();
            return null;
        })).doesNotThrowAnyException();
    }
}

package org.coproduction.impact.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.coproduction.impact.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The imports (an organisation moved from another instance, responses from other survey tools,
 * past attendance) insert in batches; the driver sends each batch as a few inserts of many rows,
 * not one statement a row (bench/README.md, "Moving a large organisation", measured the gain).
 */
@IntegrationTest
class BatchedInsertsIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theServicesConnectionsSendABatchOfInsertsAsInsertsOfManyRows() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
        }
    }
}

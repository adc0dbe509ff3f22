package org.coproduction.impact.shared.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up, and in {@code /actuator/info}, which database the service is using. */
@Component
class DatabaseReport implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);

    private final DataSource dataSource;
    private final Environment environment;

    DatabaseReport(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logDatabase() {
        Map<String, Object> details = details();
        log.info(
                "Database in use: {} {} at {} ({})",
                details.get("product"),
                details.get("version"),
                details.get("url"),
                details.get("kind"));
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("database", details());
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean embedded = environment.getProperty("app.database.embedded", Boolean.class, false);
        details.put(
                "kind",
                embedded
                        ? "embedded PostgreSQL, data in " + environment.getProperty("app.database.data-dir")
                        : "PostgreSQL server");
        // The service's own: which database it uses, no organisation's rows.
        OrganisationScope.asTheService("reading which database is in use", () -> {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                details.put("product", meta.getDatabaseProductName());
                details.put("version", meta.getDatabaseProductVersion());
                details.put("url", withoutSecrets(meta.getURL()));
            } catch (SQLException e) {
                details.put("error", e.getMessage());
            }
        });
        return details;
    }

    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=****").replaceAll("//[^/@]*@", "//");
    }
}

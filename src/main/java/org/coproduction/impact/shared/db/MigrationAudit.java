package org.coproduction.impact.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes each start's database migrations in the activity log (issue 15: migrations work across
 * organisations, under an explicit account, and say so): one {@code MIGRATIONS_APPLIED} entry with
 * no organisation, naming the database account that ran them (Flyway's {@code spring.flyway.user},
 * else the service's own) and the versions applied. Flyway's own history table keeps each migration;
 * this puts the fact where the rest of the service's audit is read.
 */
@Component
class MigrationAudit implements Callback {

    static final String ACTION = "MIGRATIONS_APPLIED";

    private static final Logger log = LoggerFactory.getLogger(MigrationAudit.class);

    /** The history's last rank before this start's migrations (0 on a new database). */
    private volatile int rankBefore;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE_APPLIED;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        String history = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            if (event == Event.BEFORE_MIGRATE) {
                rankBefore = lastRank(connection, history);
                return;
            }
            List<String> versions = new ArrayList<>();
            try (PreparedStatement applied = connection.prepareStatement(
                    "select version from " + quote(history) + " where installed_rank > ? and success and version is not null order by installed_rank")) {
                applied.setInt(1, rankBefore);
                try (ResultSet r = applied.executeQuery()) {
                    while (r.next()) {
                        versions.add(r.getString(1));
                    }
                }
            }
            if (versions.isEmpty()) {
                return;
            }
            String summary = (versions.size() == 1 ? "1 migration applied, V" + versions.getFirst()
                    : versions.size() + " migrations applied, V" + versions.getFirst() + " to V" + versions.getLast());
            try (PreparedStatement audit = connection.prepareStatement("""
                    insert into audit_event (organisation_id, actor_user_id, action, entity_type, entity_id, summary)
                    values (null, null, ?, 'database', ?, ? || ', as the database account ' || current_user)
                    """)) {
                audit.setString(1, ACTION);
                audit.setString(2, versions.getLast());
                audit.setString(3, summary);
                audit.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            log.warn("The database migrations could not be written in the activity log: {}", e.getMessage());
        }
    }

    private static int lastRank(Connection connection, String history) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet r = statement.executeQuery("select to_regclass('" + history.replace("'", "''") + "') is not null")) {
            r.next();
            if (!r.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet r = statement.executeQuery("select coalesce(max(installed_rank), 0) from " + quote(history))) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String getCallbackName() {
        return "migration-audit";
    }
}

package org.coproduction.impact.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A stand-in for the service in a process of its own, for {@link EmbeddedDatabaseCrashTest} to kill
 * with SIGKILL: claims the folder, starts the durable embedded PostgreSQL as the service does,
 * commits one answer, says so, then waits to be killed.
 */
final class CrashingService {

    static final String READY = "READY";

    private CrashingService() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EmbeddedPostgres postgres = EmbeddedPostgresFolder.claim(dir, System.err::println).start(false, true);
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement();
                PreparedStatement insert = c.prepareStatement("insert into saved values (?)")) {
            s.execute("create table if not exists saved (answer text primary key)");
            insert.setString(1, args[1]);
            insert.executeUpdate();
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

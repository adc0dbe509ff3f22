package org.coproduction.impact.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default run after a crash: the service is killed with SIGKILL (as {@code kill -9}, or the
 * out-of-memory killer, would), its embedded PostgreSQL is left running as an orphan holding the
 * data folder, and the next start must work the first time, with every committed answer there and
 * the database durable. Real processes, real PostgreSQL, no Spring.
 */
class EmbeddedDatabaseCrashTest {

    Path dir;
    final List<Process> services = new ArrayList<>();
    final List<EmbeddedPostgres> started = new ArrayList<>();

    @BeforeEach
    void aFolder() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-").resolve("postgres");
    }

    @AfterEach
    void stopEverything() throws IOException {
        services.forEach(Process::destroyForcibly);
        for (EmbeddedPostgres postgres : started) {
            postgres.close();
        }
        // An orphan a failed assertion left behind must not outlive the test.
        new FolderPeek(dir).postmaster().ifPresent(ProcessHandle::destroyForcibly);
        org.springframework.util.FileSystemUtils.deleteRecursively(dir.getParent());
    }

    /** Starts {@link CrashingService} in its own JVM and waits until it has committed {@code answer}. */
    private Process aServiceThatSaved(String answer) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process service = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        CrashingService.class.getName(), dir.toString(), answer)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        services.add(service);
        BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(CrashingService.READY)) {
                return service;
            }
        }
        throw new AssertionError("the service stopped before it was ready (exit " + service.waitFor() + ")");
    }

    private static void kill9(Process service) throws InterruptedException {
        service.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs.
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static List<String> query(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    @Test
    void aRestartAfterTheServiceWasKilledWorksTheFirstTimeWithEveryAnswerKept() throws Exception {
        kill9(aServiceThatSaved("before the first crash"));
        Optional<ProcessHandle> orphan = new FolderPeek(dir).postmaster();
        assertThat(orphan).as("the killed service's PostgreSQL is still running, holding the folder").isPresent();

        kill9(aServiceThatSaved("before the second crash"));
        assertThat(orphan.get().isAlive()).as("the second start stopped the first run's orphan").isFalse();

        EmbeddedPostgres postgres = EmbeddedPostgresFolder.claim(dir, message -> {}).start(false, true);
        started.add(postgres);

        assertThat(query(postgres, "select answer from saved order by answer"))
                .containsExactly("before the first crash", "before the second crash");
    }

    @Test
    void theDefaultRunIsDurable() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgresFolder.claim(dir, message -> {}).start(false, true);
        started.add(postgres);

        assertThat(query(postgres, "show fsync")).containsExactly("on");
        assertThat(query(postgres, "show synchronous_commit")).containsExactly("on");
        assertThat(query(postgres, "show full_page_writes")).containsExactly("on");
    }

    @Test
    void aSecondCopyOnTheSameFolderIsToldWhoHoldsIt() throws Exception {
        Process running = aServiceThatSaved("the running copy's answer");

        assertThatThrownBy(() -> EmbeddedPostgresFolder.claim(dir, message -> {}))
                .hasMessageContaining("another copy of the service is already using this folder")
                .hasMessageContaining("process " + running.pid());
        assertThat(running.isAlive()).isTrue();
        assertThat(new FolderPeek(dir).postmaster()).as("the running copy's database was left alone").isPresent();
    }

    /** Reads the folder's postmaster.pid without claiming the folder. */
    private record FolderPeek(Path dir) {
        Optional<ProcessHandle> postmaster() {
            try {
                Path pid = dir.resolve("postmaster.pid");
                if (!Files.exists(pid)) {
                    return Optional.empty();
                }
                return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip()))
                        .filter(ProcessHandle::isAlive);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}

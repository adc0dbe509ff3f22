package org.coproduction.impact.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The embedded database's folder, claimed by one running service at a time.
 *
 * <p>zonky starts PostgreSQL with {@code pg_ctl}, as a process of its own. When the service is
 * killed ({@code kill -9}, a power cut of the JVM only, an out-of-memory kill) that PostgreSQL keeps
 * running and keeps the folder, and the next start failed. Here the service first claims the folder
 * with a lock file that the operating system releases when the service dies; a service holding it
 * is running, so a PostgreSQL in the folder without it is an orphan of a crashed run, and is stopped
 * before the new one starts.
 *
 * <p>Durable means every commit is flushed to disk before it returns ({@code fsync} and
 * {@code synchronous_commit} on), so an answer a person was told is saved survives a crash of
 * PostgreSQL or of the machine. zonky's defaults turn both off (they suit throwaway test databases):
 * its {@code -F} is overridden by the {@code -c fsync=on} that follows it on the command line.
 */
final class EmbeddedPostgresFolder {

    private static final Duration ORPHAN_STOP = Duration.ofSeconds(30);

    /** Claims held by this JVM, kept for its whole life (the OS drops them when it ends). */
    private static final Map<Path, FileLock> CLAIMS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Consumer<String> warn;

    private EmbeddedPostgresFolder(Path dir, Consumer<String> warn) {
        this.dir = dir;
        this.warn = warn;
    }

    /** Claims {@code dir} for this JVM, or explains which running service holds it. */
    static EmbeddedPostgresFolder claim(Path dir, Consumer<String> warn) {
        try {
            Files.createDirectories(dir);
            Path lockFile = lockFile(dir);
            if (!CLAIMS.containsKey(dir)) {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                    throw EmbeddedDatabase.failed(dir, "another copy of the service is already using this folder"
                            + (holder.isEmpty() ? "" : " (process " + holder + ")")
                            + ". Stop it first, or give this one its own folder with APP_DATA_DIR.", null);
                }
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap(
                        Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
                CLAIMS.put(dir, lock);
            }
            return new EmbeddedPostgresFolder(dir, warn);
        } catch (IOException e) {
            throw EmbeddedDatabase.failed(dir, "its folder could not be claimed (" + e.getMessage() + ")", e);
        }
    }

    static Path lockFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".lock");
    }

    /** Stops an orphan left by a crashed run, then starts PostgreSQL on the folder. */
    EmbeddedPostgres start(boolean clean, boolean durable) {
        stopOrphan();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100");
        if (durable) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw EmbeddedDatabase.failed(dir, diagnose(e), e);
        }
    }

    /** The PostgreSQL named in the folder's {@code postmaster.pid}, if it is still running. */
    Optional<ProcessHandle> runningPostmaster() {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.getFirst().strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedPostgresFolder::isPostgres);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // Unreadable or half-written: PostgreSQL itself judges a stale file.
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // A pid in a stale file may since have been given to another program: stop only PostgreSQL.
        return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
    }

    private void stopOrphan() {
        Optional<ProcessHandle> orphan = runningPostmaster();
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        warn.accept("The embedded PostgreSQL of an earlier run that did not stop cleanly (process " + postmaster.pid()
                + ") still holds " + dir + ": stopping it before starting again.");
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, with a checkpoint.
        if (!waitFor(postmaster, ORPHAN_STOP)) {
            warn.accept("It did not stop within " + ORPHAN_STOP.toSeconds() + " s: ending it. PostgreSQL will recover"
                    + " from its write-ahead log.");
            postmaster.destroyForcibly();
            waitFor(postmaster, Duration.ofSeconds(10));
        }
        children.forEach(child -> waitFor(child, Duration.ofSeconds(10)));
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private String diagnose(Exception e) {
        Optional<ProcessHandle> still = runningPostmaster();
        if (still.isPresent()) {
            return "a PostgreSQL left by an earlier run (process " + still.get().pid() + ") still holds the folder and"
                    + " would not stop. Stop it (kill " + still.get().pid() + ") and start the service again.";
        }
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !causes.toString().contains(t.getMessage())) {
                causes.append(causes.isEmpty() ? "" : "; ").append(t.getMessage());
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        return causes + (root
                ? ". As root, the embedded PostgreSQL runs in a user namespace (unshare -U); where those are blocked,"
                        + " point the service at a PostgreSQL server with SPRING_DATASOURCE_URL."
                : ".");
    }
}

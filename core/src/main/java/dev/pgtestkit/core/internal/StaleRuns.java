package dev.pgtestkit.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Run directories of embedded servers ({@code run-*} under the base directory), each with an {@code owner} file
 * naming the JVM and the postgres process. A JVM that died without its shutdown hook (kill -9) leaves a server and
 * a directory behind; the next start stops such orphans and deletes their directories.
 */
final class StaleRuns {

    private static final Duration GRACE = Duration.ofMinutes(2);

    private StaleRuns() {
    }

    static Path newRunDir(Path baseDir) throws IOException {
        Path dir = Files.createTempDirectory(baseDir, "run-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("owner"), ProcessHandle.current().pid() + " 0");
        return dir;
    }

    static void markOwned(Path runDir, long postgresPid) {
        try {
            Files.writeString(runDir.resolve("owner"), ProcessHandle.current().pid() + " " + postgresPid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void cleanUp(Path baseDir) {
        try (Stream<Path> dirs = Files.list(baseDir)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("run-")).forEach(StaleRuns::cleanUpIfOrphaned);
        } catch (IOException e) {
            EmbeddedCluster.log().debug("Could not scan {} for stale servers: {}", baseDir, e.getMessage());
        }
    }

    private static void cleanUpIfOrphaned(Path runDir) {
        try {
            String[] owner = Files.readString(runDir.resolve("owner")).trim().split(" ", -1);
            if (alive(Long.parseLong(owner[0])) || youngerThanGrace(runDir)) {
                return;
            }
            alivePostgres(Long.parseLong(owner[1]), runDir).ifPresent(p -> {
                EmbeddedCluster.log().info("Stopping orphaned embedded PostgreSQL (pid {}) of a dead JVM", p.pid());
                p.destroyForcibly();
            });
            delete(runDir);
        } catch (IOException | RuntimeException e) {
            EmbeddedCluster.log().debug("Leaving {} alone: {}", runDir, e.getMessage());
        }
    }

    private static boolean youngerThanGrace(Path dir) throws IOException {
        FileTime modified = Files.getLastModifiedTime(dir);
        return modified.toInstant().isAfter(Instant.now().minus(GRACE));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The run's server, when it still runs: the owner file is written once the server is ready, so the server started
     * shortly before the file's time (at most the start timeout, 10 minutes with margin).
     */
    private static Optional<ProcessHandle> alivePostgres(long pid, Path runDir) throws IOException {
        Instant written = Files.getLastModifiedTime(runDir.resolve("owner")).toInstant();
        return Postmasters.verified(pid, runDir.resolve("data"), written.minus(Duration.ofMinutes(5)),
                Duration.ofMinutes(5));
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            EmbeddedCluster.log().debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** Last lines of a log file, for error messages. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}

package dev.pgtestkit.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * An embedded cluster's directory kept across runs, so the templates built in it are reused by the next run. Named
 * by the binaries and the server settings ({@code clusters/<binaries>-<settings hash>-<slot>}) and held under a file
 * lock for as long as a server runs in it: a second JVM wanting the same cluster at the same time takes the next
 * slot, without waiting; when every slot is taken, the caller uses a fresh directory. A directory left by a run
 * that did not finish (no marker, another major version, an orphaned server still running in it) is repaired or
 * rebuilt before use.
 */
final class PersistentDir implements AutoCloseable {

    static final int SLOTS = 4;
    private static final String MARKER = "pgtestkit-cluster";

    private final Path dir;
    private final FileChannel lockFile;
    private final FileLock lock;

    private PersistentDir(Path dir, FileChannel lockFile, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** The first free slot of this cluster, locked; empty when other servers hold every slot. */
    static Optional<PersistentDir> claim(Path baseDir, Path installation, Map<String, String> settings,
                                         RunAs runAs) throws IOException {
        Path clusters = baseDir.resolve("clusters");
        runAs.makeTraversable(clusters);
        // String.hashCode is specified, so stable across JVMs; settings that collided would only share templates.
        // "-pw": clusters with a superuser password; those of earlier versions (trust) are left to them
        String key = installation.getFileName() + "-" + Integer.toHexString(new TreeMap<>(settings).toString()
                .hashCode()) + "-pw";
        for (int slot = 0; slot < SLOTS; slot++) {
            Optional<PersistentDir> claimed = tryLock(clusters, key + "-" + slot);
            if (claimed.isPresent()) {
                return claimed;
            }
        }
        return Optional.empty();
    }

    /**
     * Slots this JVM holds. A second channel on a lock file this JVM has locked must never be opened: closing it would
     * release the JVM's lock (POSIX record locks belong to the process), and another JVM would then take the slot and
     * stop the server running in it.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static Optional<PersistentDir> tryLock(Path clusters, String name) throws IOException {
        Path slot = clusters.resolve(name).toAbsolutePath().normalize();
        if (!HELD.add(slot)) {
            return Optional.empty(); // another server of this JVM holds it
        }
        try {
            Optional<PersistentDir> claimed = lockSlot(clusters, name);
            if (claimed.isEmpty()) {
                HELD.remove(slot);
            }
            return claimed;
        } catch (IOException | RuntimeException e) {
            HELD.remove(slot);
            throw e;
        }
    }

    private static Optional<PersistentDir> lockSlot(Path clusters, String name) throws IOException {
        FileChannel channel = FileChannel.open(clusters.resolve(name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new PersistentDir(clusters.resolve(name), channel, lock));
            }
        } catch (OverlappingFileLockException sameJvm) {
            // another server of this JVM holds it
        }
        channel.close();
        return Optional.empty();
    }

    Path dir() {
        return dir;
    }

    /**
     * Makes the directory usable: stops a server a dead JVM left running in it and removes its pid file. Returns
     * whether it holds a complete cluster of these binaries (else its data was wiped and initdb must run).
     */
    boolean prepare(Path installation, RunAs runAs) throws IOException {
        Files.createDirectories(dir);
        runAs.handOver(dir);
        Path data = dir.resolve("data");
        stopOrphan(data.resolve("postmaster.pid"));
        boolean complete = installation.getFileName().toString().equals(readMarker())
                && Files.isRegularFile(dir.resolve(ServerPassword.FILE)) // older clusters trusted every local user
                && Files.isRegularFile(data.resolve("PG_VERSION"))
                && Files.isRegularFile(data.resolve("global/pg_control"));
        if (!complete) {
            wipe();
        }
        return complete;
    }

    /** Records that initdb finished with these binaries. */
    void markComplete(Path installation) throws IOException {
        Files.writeString(dir.resolve(MARKER), installation.getFileName().toString());
    }

    /** Deletes the cluster (a corrupt one, before initdb runs again). */
    void wipe() throws IOException {
        Files.deleteIfExists(dir.resolve(MARKER));
        StaleRuns.delete(dir.resolve("data"));
    }

    private String readMarker() throws IOException {
        Path marker = dir.resolve(MARKER);
        return Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8).trim() : null;
    }

    /** We hold the lock, so a postmaster still running here belongs to a JVM that died: stop it. */
    private static void stopOrphan(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        // postmaster.pid: pid, data directory, start time (epoch seconds), ...; the process must match all three
        Optional<ProcessHandle> orphan = lines.size() < 3 || !lines.get(0).trim().matches("\\d+")
                || !lines.get(2).trim().matches("\\d+") ? Optional.empty()
                : Postmasters.verified(Long.parseLong(lines.get(0).trim()), pidFile.getParent(),
                java.time.Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim())), java.time.Duration.ofSeconds(5));
        if (orphan.isPresent()) {
            EmbeddedCluster.log().info("Stopping embedded PostgreSQL (pid {}) left running in {} by a JVM that died",
                    orphan.get().pid(), pidFile.getParent());
            // Fast shutdown (a checkpoint): an immediate one would lose what synchronous_commit=off had not yet
            // written, such as a template the dead JVM had just built.
            new ProcessBuilder("kill", "-INT", Long.toString(orphan.get().pid())).start();
            try {
                orphan.get().onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** Releases the slot; the directory stays for the next run. */
    @Override
    public void close() {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            EmbeddedCluster.log().debug("Releasing the lock of {} failed: {}", dir, e.getMessage());
        } finally {
            HELD.remove(dir.toAbsolutePath().normalize());
        }
    }
}

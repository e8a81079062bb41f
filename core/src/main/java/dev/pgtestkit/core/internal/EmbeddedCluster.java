package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.ProvisioningException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL cluster: a data directory made by {@code initdb} and a {@code postgres} child process.
 * PostgreSQL refuses to run as root, so when the JVM is root the binaries run as the unprivileged user
 * {@code nobody} (through {@code setpriv}), owning the data directory.
 */
public final class EmbeddedCluster {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final String SUPERUSER = "postgres";

    private final Path installation;
    private final Path runDir;
    private final int port;
    private final Process process;
    private final boolean reused;
    private final Runnable afterStop;

    private EmbeddedCluster(Path installation, Path runDir, int port, Process process, boolean reused,
                            Runnable afterStop) {
        this.installation = installation;
        this.runDir = runDir;
        this.port = port;
        this.process = process;
        this.reused = reused;
        this.afterStop = afterStop;
    }

    /** Whether the cluster was kept from an earlier run (its templates are there; so may be leftover clones). */
    public boolean reused() {
        return reused;
    }

    /** The directory holding the cluster's data and log. */
    public Path directory() {
        return runDir;
    }

    /**
     * Extracts the binaries of {@code version} (null: those on the class path) if needed, and starts a server on a
     * free loopback port with the given settings, waiting until it accepts connections. With {@code persistent}, the
     * cluster lives in a directory kept across runs (see {@link PersistentDir}), else in a fresh directory under
     * {@code baseDir} deleted at stop.
     */
    public static EmbeddedCluster start(Path baseDir, String version, Map<String, String> settings, Duration timeout,
                                        boolean persistent) {
        RunAs runAs = RunAs.current();
        runAs.makeTraversable(baseDir);
        Path installation = PgBinaries.install(baseDir, version);
        StaleRuns.cleanUp(baseDir);
        if (persistent) {
            Optional<PersistentDir> kept = claim(baseDir, installation, settings, runAs);
            if (kept.isPresent()) {
                return startKept(kept.get(), installation, settings, timeout, runAs);
            }
            LOG.info("All {} kept embedded clusters for these settings are in use by other servers; this one starts "
                    + "in a fresh directory (templates are built again)", PersistentDir.SLOTS);
        }
        return startFresh(baseDir, installation, settings, timeout, runAs);
    }

    private static Optional<PersistentDir> claim(Path baseDir, Path installation, Map<String, String> settings,
                                                 RunAs runAs) {
        try {
            return PersistentDir.claim(baseDir, installation, settings, runAs);
        } catch (IOException e) {
            LOG.warn("Cannot keep the embedded cluster under {} ({}); using a fresh directory", baseDir, e.getMessage());
            return Optional.empty();
        }
    }

    private static EmbeddedCluster startKept(PersistentDir kept, Path installation, Map<String, String> settings,
                                             Duration timeout, RunAs runAs) {
        try {
            boolean reused = kept.prepare(installation, runAs);
            if (!reused) {
                initdb(installation, kept.dir(), runAs);
                kept.markComplete(installation);
            }
            try {
                return launch(installation, kept.dir(), settings, timeout, runAs, reused, kept::close);
            } catch (ProvisioningException e) {
                if (!reused) {
                    throw e;
                }
                LOG.warn("The kept embedded cluster in {} does not start ({}); rebuilding it", kept.dir(),
                        e.getMessage());
                kept.wipe();
                initdb(installation, kept.dir(), runAs);
                kept.markComplete(installation);
                return launch(installation, kept.dir(), settings, timeout, runAs, false, kept::close);
            }
        } catch (IOException e) {
            kept.close();
            throw new ProvisioningException("Could not prepare the embedded PostgreSQL directory " + kept.dir() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            kept.close();
            throw e;
        }
    }

    private static EmbeddedCluster startFresh(Path baseDir, Path installation, Map<String, String> settings,
                                              Duration timeout, RunAs runAs) {
        Path runDir = null;
        try {
            runDir = StaleRuns.newRunDir(baseDir);
            runAs.handOver(runDir);
            initdb(installation, runDir, runAs);
            Path dir = runDir;
            return launch(installation, runDir, settings, timeout, runAs, false, () -> StaleRuns.delete(dir));
        } catch (IOException e) {
            StaleRuns.delete(runDir);
            throw new ProvisioningException("Could not prepare an embedded PostgreSQL directory under " + baseDir
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            StaleRuns.delete(runDir);
            throw e;
        }
    }

    private static EmbeddedCluster launch(Path installation, Path runDir, Map<String, String> settings,
                                          Duration timeout, RunAs runAs, boolean reused, Runnable afterStop)
            throws IOException {
        ProvisioningException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {   // a free port can be taken between probe and bind
            int port = freePort();
            Process process = launch(installation, runDir, port, settings, runAs);
            try {
                awaitReady(process, runDir, port, timeout);
                StaleRuns.markOwned(runDir, process.pid());
                return new EmbeddedCluster(installation, runDir, port, process, reused, afterStop);
            } catch (ProvisioningException e) {
                process.destroyForcibly();
                waitForExit(process);
                last = e;
                if (!portTaken(runDir)) {
                    break; // another port would not help (a damaged cluster, a bad setting)
                }
            }
        }
        throw last;
    }

    private static boolean portTaken(Path runDir) {
        return StaleRuns.tail(runDir.resolve("postgres.log")).contains("could not bind");
    }

    private static void waitForExit(Process process) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    /** The superuser's password (see {@link ServerPassword}). */
    public String password() {
        try {
            return ServerPassword.read(runDir).orElse(null);
        } catch (IOException e) {
            throw new ProvisioningException("Cannot read the embedded server's password in " + runDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Major.minor version of the binaries, as {@code postgres --version} prints it. */
    public Path installation() {
        return installation;
    }

    /** Fast shutdown (SIGINT: disconnect clients, no waiting); then a fresh directory is deleted, a kept one released. */
    public void stop() {
        try {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            afterStop.run();
        }
    }

    /**
     * Creates the cluster with a new superuser password (see {@link ServerPassword}); connections need it, local ones
     * too. initdb reads it from a file its user can read, deleted right after.
     */
    private static void initdb(Path installation, Path runDir, RunAs runAs) throws IOException {
        Files.createDirectories(runDir);
        String password = ServerPassword.create(runDir);
        Path pwfile = runDir.resolve("initdb.pw");
        ServerPassword.writePrivate(pwfile, password + "\n");
        runAs.handOver(pwfile);
        List<String> command = runAs.wrap(List.of(installation.resolve("bin/initdb").toString(),
                "-D", runDir.resolve("data").toString(), "-U", SUPERUSER, "-A", "scram-sha-256",
                "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(runDir.resolve("initdb.log").toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ProvisioningException("initdb failed (exit " + (p.isAlive() ? "timeout" : p.exitValue())
                        + "): " + StaleRuns.tail(runDir.resolve("initdb.log")), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("Interrupted while running initdb", e);
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    private static Process launch(Path installation, Path runDir, int port, Map<String, String> settings,
                                  RunAs runAs) throws IOException {
        List<String> command = new ArrayList<>(List.of(installation.resolve("bin/postgres").toString(),
                "-D", runDir.resolve("data").toString(), "-p", Integer.toString(port)));
        settings.forEach((k, v) -> {
            command.add("-c");
            command.add(k + "=" + v);
        });
        return new ProcessBuilder(runAs.wrap(command)).redirectErrorStream(true)
                .redirectOutput(runDir.resolve("postgres.log").toFile()).start();
    }

    private static void awaitReady(Process process, Path runDir, int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER + "&connectTimeout=2";
        java.util.Properties props = new java.util.Properties();
        ServerPassword.read(runDir).ifPresent(password -> props.setProperty("password", password));
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ProvisioningException("Embedded PostgreSQL exited during start-up (exit "
                        + process.exitValue() + "): " + StaleRuns.tail(runDir.resolve("postgres.log")), null);
            }
            try (Connection ready = DriverManager.getConnection(url, props)) {
                quickVerifier(ready, props.getProperty("password"));
                return;
            } catch (SQLException e) {
                last = e;
                pause();
            }
        }
        throw new ProvisioningException("Embedded PostgreSQL did not accept connections on port " + port + " within "
                + timeout.toSeconds() + " s: " + (last == null ? "" : last.getMessage()) + ". Log: "
                + StaleRuns.tail(runDir.resolve("postgres.log")), last);
    }

    /** See {@link ServerPassword#storeQuickVerifier}; connections only get slower without it, so a failure is logged. */
    private static void quickVerifier(Connection superuser, String password) {
        if (password == null) {
            return; // a kept cluster of an earlier version, without a password
        }
        try {
            ServerPassword.storeQuickVerifier(superuser, password);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Kept the superuser's SCRAM verifier as initdb made it: {}", e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(15);   // polling a child process' readiness; no event to wait on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("Interrupted while waiting for embedded PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCluster[port=" + port + ", dir=" + runDir + "]";
    }

    static Logger log() {
        return LOG;
    }
}

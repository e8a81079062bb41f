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

    private EmbeddedCluster(Path installation, Path runDir, int port, Process process) {
        this.installation = installation;
        this.runDir = runDir;
        this.port = port;
        this.process = process;
    }

    /**
     * Extracts the binaries if needed, runs initdb in a fresh directory under {@code baseDir}, starts the server on
     * a free loopback port with the given settings and waits until it accepts connections.
     */
    public static EmbeddedCluster start(Path baseDir, Map<String, String> settings, Duration timeout) {
        RunAs runAs = RunAs.current();
        runAs.makeTraversable(baseDir);
        Path installation = PgBinaries.install(baseDir);
        StaleRuns.cleanUp(baseDir);
        Path runDir = null;
        try {
            runDir = StaleRuns.newRunDir(baseDir);
            runAs.handOver(runDir);
            initdb(installation, runDir, runAs);
            ProvisioningException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {   // a free port can be taken between probe and bind
                int port = freePort();
                Process process = launch(installation, runDir, port, settings, runAs);
                try {
                    awaitReady(process, runDir, port, timeout);
                    StaleRuns.markOwned(runDir, process.pid());
                    return new EmbeddedCluster(installation, runDir, port, process);
                } catch (ProvisioningException e) {
                    process.destroyForcibly();
                    last = e;
                }
            }
            throw last;
        } catch (IOException e) {
            StaleRuns.delete(runDir);
            throw new ProvisioningException("Could not prepare an embedded PostgreSQL directory under " + baseDir
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            StaleRuns.delete(runDir);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    /** Major.minor version of the binaries, as {@code postgres --version} prints it. */
    public Path installation() {
        return installation;
    }

    /** Fast shutdown (SIGINT: disconnect clients, no waiting), then the directory is deleted. */
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
            StaleRuns.delete(runDir);
        }
    }

    private static void initdb(Path installation, Path runDir, RunAs runAs) throws IOException {
        List<String> command = runAs.wrap(List.of(installation.resolve("bin/initdb").toString(),
                "-D", runDir.resolve("data").toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync", "--no-instructions"));
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

    private static void awaitReady(Process process, Path runDir, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER + "&connectTimeout=2";
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ProvisioningException("Embedded PostgreSQL exited during start-up (exit "
                        + process.exitValue() + "): " + StaleRuns.tail(runDir.resolve("postgres.log")), null);
            }
            try (Connection ignored = DriverManager.getConnection(url)) {
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

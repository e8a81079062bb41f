package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.sql.Identifiers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a migrated template database exists, built once however many JVMs share the server. A template is built
 * under a name of its own ({@code <template>_r<run key>_<build>}, see {@link RunLease}), marked {@code IS_TEMPLATE},
 * then renamed to its final name: database names are unique in the whole cluster, so a template under its final name
 * is always complete, whichever database the builders' URLs name, and a build a killed JVM left is recognised (its
 * lease is gone) and dropped. A JVM that finds a live run building the template waits for it; a session advisory
 * lock on the admin database makes JVMs with the same admin database wait before they even look, and builders in one
 * JVM (whatever server object or admin database they use) take turns on a lock of the JVM first.
 */
public final class TemplateBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateBuilder.class);
    private static final Duration WAIT_FOR_OTHER_BUILD = Duration.ofMinutes(10);
    private static final ConcurrentMap<String, Object> IN_JVM = new ConcurrentHashMap<>();
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private TemplateBuilder() {
    }

    /** Builds the template {@code name} from its sources unless it already exists; returns true when built. */
    public static boolean ensure(PostgresServer server, String name, TemplateDescription source) {
        synchronized (IN_JVM.computeIfAbsent(name, key -> new Object())) { // same cluster or not: turns are cheap
            return ensureLocked(server, name, source);
        }
    }

    private static boolean ensureLocked(PostgresServer server, String name, TemplateDescription source) {
        RunLease lease = RunLease.of(server);
        try (Connection lock = server.connect(server.adminDatabase())) {
            lock.setAutoCommit(true);
            long key = lockKey(name);
            execute(lock, "SELECT pg_advisory_lock(" + key + ")");
            try {
                boolean built = buildIfMissing(server, lease, lock, name, source);
                Templates.touch(lock, name);
                if (built) { // a new template often replaces one whose sources changed: drop those unused for long
                    Templates.dropUnused(server, Templates.grace(), name);
                }
                return built;
            } finally {
                execute(lock, "SELECT pg_advisory_unlock(" + key + ")");
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not prepare template database '" + name + "' on "
                    + server.description() + ": " + e.getMessage(), e);
        }
    }

    private static boolean buildIfMissing(PostgresServer server, RunLease lease, Connection admin, String name,
                                          TemplateDescription source) throws SQLException {
        long deadline = System.nanoTime() + WAIT_FOR_OTHER_BUILD.toNanos();
        while (true) {
            Boolean isTemplate = templateState(admin, name);
            if (Boolean.TRUE.equals(isTemplate)) {
                server.retain(name);
                return false;
            }
            if (isTemplate != null) {
                LOG.info("Dropping incomplete template database {} (an earlier build did not finish)", name);
                server.dropDatabase(name);
            }
            if (!otherBuildRunning(server, lease, name)) {
                return build(server, lease, admin, name, source);
            }
            if (System.nanoTime() > deadline) {
                throw new MigrationException("Template database '" + name + "' has been building in another JVM for "
                        + WAIT_FOR_OTHER_BUILD.toMinutes() + " minutes; its run is still alive. Wait for it, or stop "
                        + "it.", null);
            }
            sleep();
        }
    }

    /** Whether a live run is building this template; drops the builds of runs that died. */
    private static boolean otherBuildRunning(PostgresServer server, RunLease lease, String name) {
        boolean running = false;
        List<String> builds = server.databases(name + "_r");
        for (String build : builds) {
            if (lease.isLive(build)) {
                running = true;
            } else {
                LOG.info("Dropping template database {} half-built by a run that died", build);
                server.dropDatabase(build);
            }
        }
        return running;
    }

    private static boolean build(PostgresServer server, RunLease lease, Connection admin, String name,
                                 TemplateDescription source) throws SQLException {
        long start = System.nanoTime();
        String building = name + "_" + lease.token() + "_" + BUILDS.incrementAndGet();
        server.createDatabase(building, "template0");
        try {
            apply(building, source);
            execute(admin, "ALTER DATABASE " + Identifiers.quote(building)
                    + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            if (!publish(admin, building, name)) {
                LOG.info("Template database {} was built by another JVM meanwhile; dropping this JVM's copy", name);
                dropTemplate(server, admin, building);
                server.retain(name);
                return false;
            }
        } catch (RuntimeException | SQLException e) {
            dropFailedBuild(server, admin, building, e);
            throw e;
        }
        server.retain(building);
        server.retain(name);
        LOG.info("Built template database {} from {} in {} ms", name, source, (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    /** Drops a build that failed (marked as a template or not) without hiding why it failed. */
    private static void dropFailedBuild(PostgresServer server, Connection admin, String building, Exception cause) {
        try {
            dropTemplate(server, admin, building);
        } catch (RuntimeException | SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Renames the finished build to the template's name; false when that name exists (another JVM finished first:
     * 42P04, or 23505 when its rename committed while this one waited on it). A session closed by the build may not
     * have exited yet (55006): retried for a while.
     */
    private static boolean publish(Connection admin, String building, String name) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                execute(admin, "ALTER DATABASE " + Identifiers.quote(building) + " RENAME TO " + Identifiers.quote(name));
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                    return false;
                }
                if (!"55006".equals(e.getSQLState()) || attempt >= 100) {
                    throw e;
                }
                sleep();
            }
        }
    }

    /** A template database cannot be dropped until it is no longer marked as one. */
    static void dropTemplate(PostgresServer server, Connection admin, String name) throws SQLException {
        execute(admin, "ALTER DATABASE " + Identifiers.quote(name) + " WITH IS_TEMPLATE false");
        server.dropDatabase(name);
    }

    /** null: no such database; false: exists but incomplete; true: a finished template. */
    private static Boolean templateState(Connection admin, String name) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT datistemplate FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static void apply(String database, TemplateDescription description) {
        for (TemplateDescription.Step step : description.steps()) {
            try {
                step.build().into(database);
            } catch (MigrationException e) {
                throw e;
            } catch (Exception e) {
                throw new MigrationException("Template source " + step.source() + " failed on template database '"
                        + database + "': " + e.getMessage(), e);
            }
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for another template build", e);
        }
    }

    private static long lockKey(String name) {
        long h = 1125899906842597L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }
}

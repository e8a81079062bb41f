package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.Identifiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a migrated template database exists. Runs under a session advisory lock on the admin database, so
 * concurrent JVMs sharing a server build each template once; a template is complete only once it is marked
 * {@code IS_TEMPLATE} (a half-built one left by a crash is dropped and rebuilt).
 */
public final class TemplateBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateBuilder.class);

    private TemplateBuilder() {
    }

    /** Builds the template {@code name} from {@code source} unless it already exists; returns true when built. */
    public static boolean ensure(PostgresServer server, String name, MigrationSource source) {
        return ensure(server, name, source, List.of());
    }

    /** As {@link #ensure(PostgresServer, String, MigrationSource)}, creating {@code extensions} first. */
    public static boolean ensure(PostgresServer server, String name, MigrationSource source, List<String> extensions) {
        try (Connection lock = server.connect(server.adminDatabase())) {
            lock.setAutoCommit(true);
            long key = lockKey(name);
            execute(lock, "SELECT pg_advisory_lock(" + key + ")");
            try {
                return buildIfMissing(server, lock, name, source, extensions);
            } finally {
                execute(lock, "SELECT pg_advisory_unlock(" + key + ")");
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not prepare template database '" + name + "' on "
                    + server.description() + ": " + e.getMessage(), e);
        }
    }

    private static boolean buildIfMissing(PostgresServer server, Connection admin, String name, MigrationSource source,
                                          List<String> extensions) throws SQLException {
        Boolean isTemplate = templateState(admin, name);
        if (Boolean.TRUE.equals(isTemplate)) {
            server.retain(name);
            return false;
        }
        if (isTemplate != null) {
            LOG.info("Dropping incomplete template database {} (an earlier build did not finish)", name);
            server.dropDatabase(name);
        }
        long start = System.nanoTime();
        server.createDatabase(name, "template0");
        try {
            Extensions.create(server, name, extensions);
            migrate(server, name, source);
            execute(admin, "ALTER DATABASE " + Identifiers.quote(name) + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        } catch (RuntimeException | SQLException e) {
            server.dropDatabase(name);
            throw e;
        }
        server.retain(name);
        LOG.info("Built template database {} from {} in {} ms", name, source, (System.nanoTime() - start) / 1_000_000);
        return true;
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

    private static void migrate(PostgresServer server, String database, MigrationSource source) {
        if (!source.flywayLocations().isEmpty()) {
            try {
                Flyway.configure().dataSource(server.dataSource(database))
                        .locations(source.flywayLocations().toArray(String[]::new))
                        .failOnMissingLocations(true).load().migrate();
            } catch (FlywayException e) {
                throw new MigrationException("Flyway migrations " + source.flywayLocations() + " failed on template "
                        + "database '" + database + "': " + e.getMessage(), e);
            }
        }
        for (Path script : source.scripts()) {
            runScript(server, database, script);
        }
    }

    private static void runScript(PostgresServer server, String database, Path script) {
        try (Connection c = server.connect(database)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(Files.readString(script, StandardCharsets.UTF_8));
            }
            c.commit();
        } catch (SQLException | IOException e) {
            throw new MigrationException("SQL script " + script + " failed on template database '" + database + "': "
                    + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
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

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

    /** Builds the template {@code name} from its sources unless it already exists; returns true when built. */
    public static boolean ensure(PostgresServer server, String name, TemplateDescription source) {
        try (Connection lock = server.connect(server.adminDatabase())) {
            lock.setAutoCommit(true);
            long key = lockKey(name);
            execute(lock, "SELECT pg_advisory_lock(" + key + ")");
            try {
                return buildIfMissing(server, lock, name, source);
            } finally {
                execute(lock, "SELECT pg_advisory_unlock(" + key + ")");
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not prepare template database '" + name + "' on "
                    + server.description() + ": " + e.getMessage(), e);
        }
    }

    private static boolean buildIfMissing(PostgresServer server, Connection admin, String name,
                                          TemplateDescription source)
            throws SQLException {
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
            apply(name, source);
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

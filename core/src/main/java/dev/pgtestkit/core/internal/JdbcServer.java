package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.ProvisioningException;
import dev.pgtestkit.core.sql.Identifiers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link PostgresServer} implementation: a server reachable over JDBC, whatever started it. The provider
 * supplies the endpoint and what to do on close (stop a process, stop a container, nothing).
 */
public final class JdbcServer implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcServer.class);
    /** Idle sessions kept for creates and drops (clone makers and droppers of every pool). */
    private static final int SPARE_SESSIONS = 6;

    private final String kind;
    private final Endpoint endpoint;
    private final Runnable onClose;
    private final boolean dropCreatedOnClose;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Object adminLock = new Object();
    private final java.util.Deque<Connection> dropSessions = new java.util.ArrayDeque<>();
    private Connection admin;
    private final int versionNum;
    private volatile boolean closed;

    /**
     * Where a server is and how to log in.
     *
     * @param password may be {@code null} (trust auth)
     * @param params   extra JDBC URL parameters (sslmode...), never user or password
     */
    public record Endpoint(String host, int port, String user, String password, String adminDatabase,
                           Map<String, String> params) {
        public Endpoint {
            params = Map.copyOf(params);
        }

        @Override
        public String toString() {
            return "Endpoint[" + host + ":" + port + "/" + adminDatabase + ", user=" + user + "]";
        }
    }

    /**
     * @param dropCreatedOnClose whether close() drops the databases created here first; false when closing
     *                           destroys the whole server anyway (embedded, container)
     */
    public JdbcServer(String kind, Endpoint endpoint, boolean dropCreatedOnClose, Runnable onClose) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.dropCreatedOnClose = dropCreatedOnClose;
        this.onClose = onClose;
        this.versionNum = Integer.parseInt(queryAdmin("SHOW server_version_num"));
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String description() {
        return kind + " PostgreSQL " + versionString() + " at " + endpoint.host() + ":" + endpoint.port()
                + " (user " + endpoint.user() + ")";
    }

    private String versionString() {
        return (versionNum / 10000) + "." + (versionNum % 100);
    }

    @Override
    public int versionNum() {
        return versionNum;
    }

    @Override
    public String jdbcUrl(String database) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("user", endpoint.user());
        query.putAll(endpoint.params());
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(endpoint.host()).append(':')
                .append(endpoint.port()).append('/').append(encode(database));
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            url.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String user() {
        return endpoint.user();
    }

    @Override
    public DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl(database));
        if (endpoint.password() != null) {
            ds.setPassword(endpoint.password());
        }
        return ds;
    }

    @Override
    public Connection connect(String database) {
        Properties props = new Properties();
        if (endpoint.password() != null) {
            props.setProperty("password", endpoint.password());
        }
        try {
            return DriverManager.getConnection(jdbcUrl(database), props);
        } catch (SQLException e) {
            throw new ConnectionException("Cannot connect to database '" + database + "' on " + endpoint.host() + ":"
                    + endpoint.port() + " as " + endpoint.user() + ": " + scrub(e.getMessage())
                    + ". Check that the server is running and the database exists.", e.getSQLState(), e);
        }
    }

    /** The text without the password, should a driver message ever quote it. */
    private String scrub(String text) {
        String password = endpoint.password();
        return text == null || password == null || password.isEmpty() ? text : text.replace(password, "***");
    }

    @Override
    public String adminDatabase() {
        return endpoint.adminDatabase();
    }

    @Override
    public void createDatabase(String name, String template) {
        createDatabase(name, template, null);
    }

    /**
     * {@code CREATE DATABASE name TEMPLATE template [STRATEGY strategy]} on a session of its own (see
     * {@link #dropDatabase}), so clones are made in parallel and the admin session is never held up by one.
     *
     * @param strategy {@code FILE_COPY} or {@code WAL_LOG} (PostgreSQL 15+), or null for the server's default
     */
    public void createDatabase(String name, String template, String strategy) {
        requireOwned(name);
        if (strategy != null && !strategy.matches("FILE_COPY|WAL_LOG")) {
            throw new IllegalArgumentException("Unknown CREATE DATABASE strategy '" + strategy + "'");
        }
        String sql = "CREATE DATABASE " + Identifiers.quote(name)
                + (template == null ? "" : " TEMPLATE " + Identifiers.quote(template))
                + (strategy == null ? "" : " STRATEGY " + strategy);
        onSpareSession(sql, "create database '" + name + "'" + (template == null ? "" : " from '" + template + "'"));
        created.add(name);
    }

    /**
     * Drops on a session of its own (kept for the next statement), not the shared admin session: drops of many clones
     * run in parallel, and a slow one does not hold up clone creation.
     */
    @Override
    public void dropDatabase(String name) {
        requireOwned(name);
        onSpareSession("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)",
                "drop database '" + name + "'");
        created.remove(name);
    }

    private void onSpareSession(String sql, String what) {
        Connection session = dropSession();
        boolean healthy = false;
        try (Statement st = session.createStatement()) {
            st.execute(sql);
            healthy = true;
        } catch (SQLException e) {
            throw adminFailure(what, e);
        } finally {
            giveBack(session, healthy);
        }
    }

    private Connection dropSession() {
        synchronized (dropSessions) {
            Connection idle = dropSessions.poll();
            if (idle != null) {
                return idle;
            }
        }
        if (closed) {
            throw new ProvisioningException("The " + kind + " server is closed", null);
        }
        Connection session = connect(endpoint.adminDatabase());
        try {
            session.setAutoCommit(true);
        } catch (SQLException e) {
            closeQuietly(session);
            throw adminFailure("prepare a session for drops", e);
        }
        return session;
    }

    private void giveBack(Connection session, boolean healthy) {
        synchronized (dropSessions) {
            if (healthy && !closed && dropSessions.size() < SPARE_SESSIONS) {
                dropSessions.push(session);
                return;
            }
        }
        closeQuietly(session);
    }

    @Override
    public void retain(String database) {
        created.remove(database);
    }

    /** A database created here was renamed (a clone given back unchanged): close() still drops it, by its new name. */
    void renamed(String from, String to) {
        if (created.remove(from)) {
            created.add(to);
        }
    }

    @Override
    public List<String> databases(String prefix) {
        requireOwned(prefix);
        synchronized (adminLock) {
            try (PreparedStatement ps = adminConnection().prepareStatement(
                    "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname")) {
                ps.setString(1, prefix);
                List<String> names = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            } catch (SQLException e) {
                throw adminFailure("list databases", e);
            }
        }
    }

    /** Runs a statement on the admin connection; used for locks and catalog checks by the template builder. */
    public <T> T withAdminConnection(SqlFunction<Connection, T> work, String what) {
        synchronized (adminLock) {
            try {
                return work.apply(adminConnection());
            } catch (SQLException e) {
                throw adminFailure(what, e);
            }
        }
    }

    /** A JDBC function that may throw SQLException. */
    @FunctionalInterface
    public interface SqlFunction<A, R> {
        R apply(A a) throws SQLException;
    }

    private void requireOwned(String name) {
        if (name == null || !name.startsWith(DATABASE_PREFIX)) {
            throw new IllegalArgumentException("pgtestkit only manages databases whose names start with '"
                    + DATABASE_PREFIX + "', not '" + name + "'");
        }
    }

    private String queryAdmin(String sql) {
        return withAdminConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }, "query server version");
    }

    private Connection adminConnection() throws SQLException {
        if (closed) {
            throw new ProvisioningException("The " + kind + " server is closed", null);
        }
        if (admin == null || admin.isClosed()) {
            admin = connect(endpoint.adminDatabase());
            admin.setAutoCommit(true);
        }
        return admin;
    }

    private ProvisioningException adminFailure(String what, SQLException e) {
        return new ProvisioningException("Could not " + what + " on " + description() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (dropCreatedOnClose) {
                dropLeftovers();
            }
        } finally {
            closed = true;
            synchronized (adminLock) {
                closeQuietly(admin);
                admin = null;
            }
            synchronized (dropSessions) {
                dropSessions.forEach(JdbcServer::closeQuietly);
                dropSessions.clear();
            }
            onClose.run();
        }
    }

    /** Databases created here and neither dropped nor retained: a URL server must not keep them. */
    private void dropLeftovers() {
        for (String name : List.copyOf(created)) {
            try {
                dropDatabase(name);
            } catch (RuntimeException e) {
                LOG.warn("Could not drop database {}: {}", name, e.getMessage());
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return description();
    }
}

package dev.pgtestkit.sync;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.PostgresServer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database on a PostgreSQL server, and how to connect to it and to its siblings on the same server (a restore
 * creates its shadow database beside the target). Immutable; {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * PgDatabase prod = PgDatabase.of("jdbc:postgresql://db.internal:5432/app", "reader", System.getenv("PGPASSWORD"));
 * PgDatabase test = PgDatabase.of(server, "app_test");    // a pgtestkit server
 * }</pre>
 */
public final class PgDatabase {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

    private final String name;
    private final String url;
    private final String user;
    private final Connector connector;

    private PgDatabase(String name, String url, String user, Connector connector) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.connector = connector;
    }

    /**
     * A database named by a JDBC URL ({@code jdbc:postgresql://host:port/database?...}, which must name the
     * database); {@code user} and {@code password} may be {@code null} (then the URL's, or PgJDBC's defaults).
     */
    public static PgDatabase of(String jdbcUrl, String user, String password) {
        Matcher m = URL.matcher(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        if (!m.matches() || m.group(2).isEmpty()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL naming a database: " + redact(jdbcUrl)
                    + "; expected jdbc:postgresql://host:port/database");
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        String name = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        return new PgDatabase(name, jdbcUrl, user, new UrlConnector(m.group(1), m.group(3), props));
    }

    /** A database of a pgtestkit server (embedded, container or URL). */
    public static PgDatabase of(PostgresServer server, String database) {
        Objects.requireNonNull(server, "server");
        return new PgDatabase(database, server.jdbcUrl(database), server.user(), new ServerConnector(server));
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** The JDBC URL, as given (a password inside it is replaced by {@code ***}). */
    public String jdbcUrl() {
        return redact(url);
    }

    /** The user name, or {@code null} when the URL or PgJDBC's defaults decide. */
    public String user() {
        return user;
    }

    /** A new connection (auto-commit on); the caller closes it. */
    public Connection connect() {
        try {
            return connector.connect(name);
        } catch (SQLException e) {
            throw new ConnectionException("Cannot connect to " + this + ": " + e.getMessage(), e);
        }
    }

    /** Another database on the same server, reached with the same user and password. */
    public PgDatabase sibling(String database) {
        return new PgDatabase(database, connector.url(database, url), user, connector);
    }

    @Override
    public String toString() {
        return "database '" + name + "' (" + jdbcUrl() + ")";
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private interface Connector {
        Connection connect(String database) throws SQLException;

        String url(String database, String siblingUrl);
    }

    private record UrlConnector(String prefix, String query, Properties properties) implements Connector {
        @Override
        public Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(url(database, null), properties);
        }

        @Override
        public String url(String database, String siblingUrl) {
            String encoded = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
            return prefix + encoded + (query == null ? "" : query);
        }
    }

    private record ServerConnector(PostgresServer server) implements Connector {
        @Override
        public Connection connect(String database) {
            return server.connect(database);
        }

        @Override
        public String url(String database, String siblingUrl) {
            return server.jdbcUrl(database);
        }
    }
}

package dev.pgtestkit.sync.internal.config;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.sync.ConfigException;
import dev.pgtestkit.sync.DatabaseConfig;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.internal.config.YamlSection.Value;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Database URLs and passwords. URLs must not hold a password; a password comes from
 * {@code PGTESTKIT_DATABASES_<NAME>_PASSWORD}, then {@code PGPASSWORD}, then the password file
 * ({@code PGPASSFILE} or {@code ~/.pgpass}), and is handed to the driver as a property, never in a URL.
 */
public final class Credentials {

    /** The HTTPS token for git pushes and pulls. */
    public static final String GIT_TOKEN_VARIABLE = "PGTESTKIT_GIT_TOKEN";
    /** The user name sent with {@link #GIT_TOKEN_VARIABLE} (default {@code git}). */
    public static final String GIT_USER_VARIABLE = "PGTESTKIT_GIT_USER";

    /** Server answers that mean "a password was wanted and none, or a wrong one, was given". */
    private static final Set<String> AUTH_STATES = Set.of("28P01", "28000", "08004");

    private Credentials() {
    }

    /**
     * The URL as a JDBC URL ({@code postgresql://user@host/db} URIs are converted); an error when it is not a
     * PostgreSQL URL or holds a password (the message never repeats the URL).
     */
    public static String checkUrl(Value url, Path file) {
        String text = url.text();
        String hint = "; remove it and set " + YamlSection.envName(url.key().replaceAll("\\.url$", ".password"))
                + ", PGPASSWORD, or a line 'host:port:database:user:password' in ~/.pgpass";
        String jdbc = text.startsWith("postgresql://") || text.startsWith("postgres://") ? fromUri(url, file, hint)
                : text;
        if (!jdbc.startsWith("jdbc:postgresql:")) {
            throw url.invalid(file, "is not a PostgreSQL URL: write jdbc:postgresql://host:5432/database?user=name");
        }
        Properties props = Driver.parseURL(jdbc, null);
        if (props == null) {
            throw url.invalid(file, "is not a valid PostgreSQL JDBC URL: write"
                    + " jdbc:postgresql://host:5432/database?user=name");
        }
        if (hasPasswordParameter(jdbc)) { // not props: PgJDBC's parseURL fills in the password from ~/.pgpass
            throw url.invalid(file, "contains a password, which is never read from the configuration" + hint);
        }
        return jdbc;
    }

    /** Whether the URL's own query names a password (whatever PgJDBC would find in a password file). */
    private static boolean hasPasswordParameter(String jdbc) {
        int query = jdbc.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String parameter : jdbc.substring(query + 1).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).trim().equalsIgnoreCase("password")) {
                return true;
            }
        }
        return false;
    }

    private static String fromUri(Value url, Path file, String hint) {
        URI uri;
        try {
            uri = new URI(url.text());
        } catch (URISyntaxException e) {
            throw url.invalid(file, "is not a valid URI (" + e.getReason() + ")");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw url.invalid(file, "contains a password, which is never read from the configuration" + hint);
        }
        String query = uri.getRawQuery();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        String params = (userInfo == null ? "" : "user=" + userInfo) + (query == null ? ""
                : (userInfo == null ? "" : "&") + query);
        return params.isEmpty() ? jdbc.toString() : jdbc + "?" + params;
    }

    /** The password for {@code database}, from the environment or the password file. */
    public static Optional<String> password(DatabaseConfig database, Map<String, String> env, Path home) {
        String own = env.get(database.passwordVariable());
        if (own != null && !own.isEmpty()) {
            return Optional.of(own);
        }
        String general = env.get("PGPASSWORD");
        if (general != null && !general.isEmpty()) {
            return Optional.of(general);
        }
        Properties props = Driver.parseURL(database.url(), null);
        if (props == null) {
            return Optional.empty();
        }
        String host = props.getProperty("PGHOST", "localhost").split(",", -1)[0];
        String port = props.getProperty("PGPORT", "5432").split(",", -1)[0];
        String user = props.getProperty("user", System.getProperty("user.name"));
        String passFile = env.get("PGPASSFILE");
        Path file = passFile == null || passFile.isEmpty() ? home.resolve(".pgpass") : Path.of(passFile);
        return PgPass.lookup(file, host, Integer.parseInt(port), props.getProperty("PGDBNAME", ""), user);
    }

    /** A data source for {@code database}; an authentication failure becomes an error that names the fix. */
    public static DataSource dataSource(DatabaseConfig database, Map<String, String> env, Path home) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(database.url());
        Optional<String> password = password(database, env, home);
        password.ifPresent(ds::setPassword);
        return new Explaining(ds, database, password.isPresent());
    }

    /** The engine's handle on {@code database}, with its password (if any) given to the driver only. */
    public static PgDatabase pgDatabase(DatabaseConfig database, Map<String, String> env, Path home) {
        return PgDatabase.of(database.url(), null, password(database, env, home).orElse(null));
    }

    /**
     * Runs {@code work}; a refused login becomes an error naming where the password comes from, without it.
     */
    public static <T> T explained(DatabaseConfig database, Map<String, String> env, Path home,
            java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ConnectionException e) {
            String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : e.sqlState();
            if (state == null || !AUTH_STATES.contains(state)) {
                throw e;
            }
            throw authFailure(database, password(database, env, home).isPresent(), state, e);
        }
    }

    private static ConnectionException authFailure(DatabaseConfig database, boolean hadPassword, String state,
            Exception cause) {
        String what = hadPassword ? "refused the password found for it" : "asks for a password and none was found";
        return new ConnectionException("Database '" + database.name() + "' (" + database.url() + ") " + what
                + ": set " + database.passwordVariable() + " (or PGPASSWORD), or add a line"
                + " 'host:port:database:user:password' to ~/.pgpass (or the file PGPASSFILE names)."
                + " Passwords are never read from pgtestkit.yaml.", state, cause);
    }

    /** Turns the server's "password required / wrong" into an error that says where passwords come from. */
    private record Explaining(PGSimpleDataSource target, DatabaseConfig database, boolean hadPassword)
            implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return target.getConnection();
            } catch (SQLException e) {
                if (!AUTH_STATES.contains(e.getSQLState())) {
                    throw e;
                }
                throw authFailure(database, hadPassword, e.getSQLState(), e);
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(target) || target.isWrapperFor(iface);
        }

        @Override
        public String toString() {
            return "DataSource[" + database.name() + ", " + database.url() + "]";
        }
    }
}

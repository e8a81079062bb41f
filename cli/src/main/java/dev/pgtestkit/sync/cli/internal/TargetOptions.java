package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.sync.DatabaseConfig;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.Role;
import dev.pgtestkit.sync.SyncConfig;
import dev.pgtestkit.sync.cli.Pgtestkit;
import dev.pgtestkit.sync.cli.UsageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * The database a command works on: {@code --db NAME} (a database of the configuration) or {@code --url URL}.
 * Passwords never come from the command line (other users can read a process's arguments): {@code PGPASSWORD},
 * {@code ~/.pgpass} or {@code PGPASSFILE}.
 */
public final class TargetOptions {

    @Option(names = "--db", paramLabel = "NAME", description = "A database named in pgtestkit.yaml.")
    String db;

    @Option(names = "--url", paramLabel = "URL",
            description = "A JDBC URL, e.g. jdbc:postgresql://localhost:5432/shop?user=me. The password comes from"
                    + " PGPASSWORD or ~/.pgpass, never from the URL.")
    String url;

    /** The database to use, connected once to check it answers. */
    public Target open(Pgtestkit root) {
        return open(root, db, url, "--db NAME (a database of pgtestkit.yaml) or --url URL");
    }

    /** The database named by a configuration name or a URL (one of them), connected once to check it answers. */
    public static Target open(Pgtestkit root, String name, String url, String howToName) {
        return named(root, name, url, howToName).checked();
    }

    /** The database named by a configuration name or a URL (one of them), which may not exist yet. */
    public static Target named(Pgtestkit root, String name, String url, String howToName) {
        if (name != null && url != null) {
            throw new UsageException("Name the database once: " + howToName + ", not both.");
        }
        if (name != null) {
            return Target.configured(root.config(), name);
        }
        if (url == null) {
            throw new UsageException("No database given: use " + howToName + ".");
        }
        return Target.of(url, root.environment());
    }

    /**
     * A database: a label for messages, a DataSource, the same database for db-sync, and its entry in
     * pgtestkit.yaml when it was named there (else {@code null}).
     */
    public record Target(String label, DataSource dataSource, PgDatabase database, DatabaseConfig config) {

        /** A database of the configuration; its password from its variable, PGPASSWORD or the password file. */
        static Target configured(SyncConfig config, String name) {
            DatabaseConfig db = config.database(name);
            String password = config.environment().get(db.passwordVariable());
            if (password == null || password.isEmpty()) {
                password = config.environment().get("PGPASSWORD");
            }
            PgDatabase database = PgDatabase.of(db.url(), null, password == null || password.isEmpty() ? null
                    : password);
            return new Target(db.name() + " (" + db.role().configName() + ", database " + database.name() + ")",
                    config.dataSource(db), database, db);
        }

        /** True when the configuration gives this database the production role. */
        public boolean production() {
            return config != null && config.role() == Role.PRODUCTION;
        }

        static Target of(String url, Map<String, String> environment) {
            Properties props = Driver.parseURL(url, null);
            if (props == null) {
                throw new UsageException("--url '" + redact(url) + "' is not a PostgreSQL JDBC URL. Expected e.g."
                        + " jdbc:postgresql://localhost:5432/shop?user=me");
            }
            if (url.toLowerCase(Locale.ROOT).contains("password=") || url.matches("(?s).*//[^/@]*:[^/@]*@.*")) {
                throw new UsageException("--url contains a password, which other users of this machine can read"
                        + " in the process list. Remove it from the URL and set PGPASSWORD or add the server to"
                        + " ~/.pgpass.");
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            String password = environment.get("PGPASSWORD");
            if (password != null && password.isEmpty()) {
                password = null;
            }
            if (password != null) {
                ds.setPassword(password);
            }
            if (!url.contains("connectTimeout=")) {
                ds.setConnectTimeout(10);
            }
            String label = props.getProperty("PGDBNAME") + " on " + props.getProperty("PGHOST") + ":"
                    + props.getProperty("PGPORT");
            try {
                return new Target(label, ds, PgDatabase.of(url, null, password), null);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--url " + e.getMessage(), e);
            }
        }

        /** This database after one connection proved it answers. */
        Target checked() {
            String url = database.jdbcUrl();
            try (Connection c = dataSource.getConnection()) {
                c.isValid(5);
            } catch (SQLException e) {
                throw new ConnectionException("Cannot connect to " + label + " (" + redact(url) + "): "
                        + sentence(e.getMessage()) + " Check that the server runs and accepts connections there, the"
                        + " database exists, and the user's password is in PGPASSWORD or ~/.pgpass.",
                        e.getSQLState(), e);
            }
            return this;
        }

        /** The driver's message, ending with one period. */
        private static String sentence(String message) {
            String text = message == null ? "no reason given" : message.strip();
            while (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
            return text + ".";
        }

        static String redact(String url) {
            return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                    .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
        }
    }
}

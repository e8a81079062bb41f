package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.cli.UsageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
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
    public Target open() {
        return open(db, url, "--db NAME (a database of pgtestkit.yaml) or --url URL");
    }

    /** The database named by a configuration name or a URL (one of them), connected once to check it answers. */
    public static Target open(String name, String url, String howToName) {
        return named(name, url, howToName).checked();
    }

    /** The database named by a configuration name or a URL (one of them), which may not exist yet. */
    public static Target named(String name, String url, String howToName) {
        if (name != null && url != null) {
            throw new UsageException("Name the database once: " + howToName + ", not both.");
        }
        if (name != null) {
            throw new UsageException("'" + name + "' is a database name of the configuration file pgtestkit.yaml,"
                    + " which this build of the CLI cannot read yet. Give the database's JDBC URL with --url instead.");
        }
        if (url == null) {
            throw new UsageException("No database given: use " + howToName + ".");
        }
        return Target.of(url);
    }

    /** A reachable database: a label for messages, a DataSource, and the same database for db-sync. */
    public record Target(String label, DataSource dataSource, PgDatabase database) {

        static Target of(String url) {
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
            String password = System.getenv("PGPASSWORD");
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
                return new Target(label, ds, PgDatabase.of(url, null, password));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--url " + e.getMessage(), e);
            }
        }

        /** This database after one connection proved it answers. */
        Target checked() {
            String url = ((PGSimpleDataSource) dataSource).getURL();
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

package dev.pgtestkit.sync.cli;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases for the integration tests: one server per JVM, empty clones with a schema of the test's. */
final class TestDatabases {

    static final PostgresServer SERVER = withPasswordFile(PostgresProvider.auto().shared());

    /** A small shop: parents, children, a check, a unique key, a self-reference (a breakable cycle). */
    static final String[] SHOP = {
        "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(200) NOT NULL"
                + " UNIQUE, full_name text, created_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE orders (id serial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers ON DELETE"
                + " CASCADE, total numeric(10,2) NOT NULL CHECK (total >= 0), status text NOT NULL CHECK (status IN"
                + " ('new', 'paid', 'shipped')), note text)",
        "CREATE INDEX orders_open ON orders (customer_id) WHERE status <> 'shipped'",
        "CREATE TABLE categories (id int PRIMARY KEY, parent_id int REFERENCES categories, name text NOT NULL)"
    };

    private TestDatabases() {
    }

    /**
     * The CLI reads a password from PGPASSWORD or a password file, never from the URL, and jdbcUrl() never carries
     * one; an embedded server has one of its own (a container too). This JVM's commands find it in a password file of
     * its own, as a user's would in ~/.pgpass.
     */
    private static PostgresServer withPasswordFile(PostgresServer server) {
        try {
            String password = server.dataSource(server.adminDatabase())
                    .unwrap(org.postgresql.ds.PGSimpleDataSource.class).getPassword();
            if (password != null) {
                java.net.URI uri = java.net.URI.create(server.jdbcUrl(server.adminDatabase()).substring(5));
                java.nio.file.Path file = java.nio.file.Files.createTempFile("pgtestkit-cli-", ".pgpass");
                file.toFile().deleteOnExit();
                java.nio.file.Files.writeString(file, uri.getHost() + ":" + uri.getPort() + ":*:" + server.user() + ":"
                        + password.replace("\\", "\\\\").replace(":", "\\:") + "\n");
                System.setProperty("org.postgresql.pgpassfile", file.toString());
            }
            return server;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Could not give the CLI the test server's password: " + e.getMessage(), e);
        }
    }

    static DisposableDatabase withSchema(String... ddl) {
        DisposableDatabase db = DatabaseTemplate.empty(SERVER).checkout();
        execute(db, ddl);
        return db;
    }

    static void execute(DisposableDatabase db, String... sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Statements in a database of the server by name (one the tests created without a DisposableDatabase). */
    static void execute(PostgresServer server, String database, String... sql) {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static String text(DisposableDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long count(DisposableDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

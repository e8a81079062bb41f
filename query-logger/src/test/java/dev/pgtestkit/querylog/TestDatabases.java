package dev.pgtestkit.querylog;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases for the ITs: the JVM's shared server (embedded, or PGTESTKIT_URL), a fresh clone per test class. */
final class TestDatabases {

    private TestDatabases() {
    }

    static PostgresServer server() {
        return PostgresProvider.auto().shared();
    }

    /** A fresh empty database with {@code ddl} applied; the caller closes it (which drops it). */
    static DisposableDatabase withSchema(String... ddl) throws SQLException {
        DisposableDatabase db = DatabaseTemplate.empty(server()).checkout();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
        return db;
    }
}

package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;

/** A fresh database cloned from a migrated template on the JVM's shared server (embedded, or PGTESTKIT_URL). */
final class TestDatabases {

    private TestDatabases() {
    }

    static DisposableDatabase checkout(String flywayLocation) {
        PostgresServer server = PostgresProvider.auto().shared();
        return DatabaseTemplate.builder(server).flywayLocations(flywayLocation).build().checkout();
    }
}

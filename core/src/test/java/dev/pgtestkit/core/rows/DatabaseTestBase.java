package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Each test gets a fresh database cloned from a migrated template on the JVM's shared server (embedded, or
 * PGTESTKIT_URL), and {@link Rows} over it.
 */
abstract class DatabaseTestBase {

    private final String flywayLocation;
    protected DisposableDatabase db;
    protected Rows rows;

    DatabaseTestBase(String flywayLocation) {
        this.flywayLocation = flywayLocation;
    }

    @BeforeEach
    void cloneDatabase() {
        db = checkout(flywayLocation);
        rows = Rows.of(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** Another fresh database, for a test that needs a second schema; the caller closes it. */
    static DisposableDatabase checkout(String flywayLocation) {
        PostgresServer server = PostgresProvider.auto().shared();
        return DatabaseTemplate.builder(server).flywayLocations(flywayLocation).build().checkout();
    }
}

package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The existing-server provider, pointed at the test run's server (embedded in the first pass, the machine's server
 * in the PGTESTKIT_URL pass): it manages only pgtestkit_ databases and drops what it created.
 */
class UrlProviderIT {

    private final PostgresServer host = PostgresProvider.auto().shared();

    @Test
    void createsAndDropsOnlyItsOwnDatabases() throws Exception {
        try (PostgresServer server = PostgresProvider.url(host.jdbcUrl(host.adminDatabase())).start()) {
            assertThat(server.kind()).isEqualTo("url");
            String name = PostgresServer.DATABASE_PREFIX + "urlit_" + System.nanoTime();
            server.createDatabase(name, null);
            assertThat(server.databases(name)).containsExactly(name);
            try (Connection c = server.connect(name)) {
                assertThat(c.isValid(1)).isTrue();
            }
            server.dropDatabase(name);
            assertThat(server.databases(name)).isEmpty();
            assertThatThrownBy(() -> server.dropDatabase("postgres"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pgtestkit only manages databases whose names start with 'pgtestkit_', not 'postgres'");
        }
    }

    @Test
    void closeDropsTheDatabasesItCreatedButNotRetainedOnes() {
        String prefix = PostgresServer.DATABASE_PREFIX + "urlclose_" + System.nanoTime();
        try (PostgresServer server = PostgresProvider.url(host.jdbcUrl(host.adminDatabase())).start()) {
            server.createDatabase(prefix + "_dropped", null);
            server.createDatabase(prefix + "_kept", null);
            server.retain(prefix + "_kept");
        }
        assertThat(host.databases(prefix)).containsExactly(prefix + "_kept");
        host.dropDatabase(prefix + "_kept");
    }

    @Test
    void unreachableServerGivesAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> PostgresProvider.url(
                "jdbc:postgresql://127.0.0.1:1/postgres?user=nobody&password=s3cret&connectTimeout=1").start())
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot connect to database 'postgres' on 127.0.0.1:1 as nobody: ")
                .hasMessageEndingWith("Check that the server is running and the database exists.")
                .hasMessageNotContaining("s3cret");
    }
}

package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The existing-server provider, pointed at the test run's server (embedded in the first pass, the machine's server
 * in the PGTESTKIT_URL pass, a container in the Testcontainers pass): it manages only pgtestkit_ databases and
 * drops what it created.
 */
class UrlProviderIT {

    private final PostgresServer host = PostgresProvider.auto().shared();

    @Test
    void createsAndDropsOnlyItsOwnDatabases() throws Exception {
        try (PostgresServer server = PostgresProvider.url(hostUrl()).start()) {
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
    void closeDropsTheDatabasesItCreatedButNotRetainedOnes() throws Exception {
        String prefix = PostgresServer.DATABASE_PREFIX + "urlclose_" + System.nanoTime();
        try (PostgresServer server = PostgresProvider.url(hostUrl()).start()) {
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

    @Test
    void aPasswordInTheUserInfoReachesNoMessageOfTheWholeChain() {
        for (String hostPort : new String[] {"127.0.0.1:1", "no-such-host.invalid:5432"}) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> PostgresProvider.url(
                    "jdbc:postgresql://postgres:s3cret@" + hostPort + "/postgres?connectTimeout=1").start());
            assertThat(thrown).isInstanceOf(ConnectionException.class).hasMessageContaining(hostPort);
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret");
            }
        }
    }

    /** The host's admin URL with its password, if it has one (containers do): jdbcUrl() never carries it. */
    private String hostUrl() throws SQLException {
        String url = host.jdbcUrl(host.adminDatabase());
        String password = host.dataSource(host.adminDatabase()).unwrap(PGSimpleDataSource.class).getPassword();
        return password == null ? url : url + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }
}

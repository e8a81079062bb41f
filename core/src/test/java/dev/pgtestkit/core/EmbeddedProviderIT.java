package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Starts its own embedded servers (not the shared one) to check start, settings, root handling and stop. */
class EmbeddedProviderIT {

    @Test
    void startsTheConfiguredVersionWithTestFriendlySettingsAndStopsCleanly() throws Exception {
        Path base = Files.createTempDirectory("pgtestkit-it-");
        PostgresServer server = PostgresProvider.embedded().withBaseDirectory(base).withKeptData(false).start();
        try (server; Connection c = server.connect("postgres")) {
            assertThat(server.kind()).isEqualTo("embedded");
            assertThat(server.versionNum() / 10000).as("PGTESTKIT_PG_VERSION, else 17").isEqualTo(expectedMajor());
            assertThat(setting(c, "fsync")).isEqualTo("off");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("off");
            assertThat(setting(c, "full_page_writes")).isEqualTo("off");
            assertThat(setting(c, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(server.jdbcUrl("postgres")).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/postgres\\?user=postgres");
            // another local user has the URL but not the password only this JVM was given
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                    server.jdbcUrl("postgres")).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            // the superuser's verifier has few PBKDF2 iterations (each connection repeats them; the password is
            // random), and the connections above authenticated against it
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT rolpassword FROM pg_authid WHERE rolname = current_user")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$16:");
            }
        }
        try (var runs = Files.list(base)) {
            assertThat(runs.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("run-"))
                    .noneMatch(n -> n.equals("clusters"));
        }
    }

    @Test
    void runsTheServerAsAnUnprivilegedUserWhenTheJvmIsRoot() throws Exception {
        assumeThat(System.getProperty("user.name")).as("this JVM runs as root").isEqualTo("root");
        try (PostgresServer server = PostgresProvider.embedded().start(); Connection c = server.connect("postgres")) {
            String dataDir = setting(c, "data_directory");
            assertThat(Files.getOwner(Path.of(dataDir)).getName()).isEqualTo("nobody");
            assertThat(query(c, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void acceptsExtraServerSettings() throws Exception {
        try (PostgresServer server = PostgresProvider.embedded().setting("work_mem", "12MB").start();
             Connection c = server.connect("postgres")) {
            assertThat(setting(c, "work_mem")).isEqualTo("12MB");
        }
    }

    @Test
    void sharedServerIsOnePerJvmAndIgnoresClose() {
        PostgresServer first = PostgresProvider.embedded().shared();
        first.close();
        PostgresServer second = PostgresProvider.embedded().shared();
        assertThat(second.description()).isEqualTo(first.description());
        assertThat(second.databases(PostgresServer.DATABASE_PREFIX)).isNotNull();
    }

    /** The major version a default embedded server runs: PGTESTKIT_PG_VERSION (the CI's 14 and 18 passes), else 17. */
    static int expectedMajor() {
        return dev.pgtestkit.core.internal.Settings.fromSystem().get(dev.pgtestkit.core.internal.Settings.PG_VERSION)
                .map(v -> Integer.parseInt(v.split("\\.")[0])).orElse(17);
    }

    static String setting(Connection c, String name) throws SQLException {
        return query(c, "SELECT current_setting('" + name + "')");
    }

    static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

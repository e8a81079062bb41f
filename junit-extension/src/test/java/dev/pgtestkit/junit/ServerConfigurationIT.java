package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Per-class server needs: a version, settings, extensions. Classes that ask for the same server share one, classes
 * that ask for others get their own; an existing server (PGTESTKIT_URL) that differs fails those classes, naming
 * the difference.
 */
class ServerConfigurationIT {

    /** Server port of each fixture class's database. */
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    private static String kind() {
        return PostgresProvider.auto().shared().kind();
    }

    @Test
    void classesAskingForTheSameServerShareItAndOthersGetTheirOwn() {
        assumeThat(kind()).as("servers started per configuration (embedded)").isEqualTo("embedded");
        Engine.assertAllPass(5, DefaultServer.class, StatementsA.class, StatementsB.class, Postgres14.class,
                SmallWorkMem.class);
        assertThat(PORTS.get("StatementsA")).isEqualTo(PORTS.get("StatementsB"))
                .isNotEqualTo(PORTS.get("DefaultServer"));
        boolean defaultIs14 = PostgresProvider.auto().shared().versionNum() / 10000 == 14;
        assertThat(PORTS.get("Postgres14").equals(PORTS.get("DefaultServer"))).as("14 is the default version")
                .isEqualTo(defaultIs14);
        assertThat(java.util.Set.copyOf(PORTS.values())).as("servers: default, pg_stat_statements, 14, work_mem")
                .hasSize(defaultIs14 ? 3 : 4);
    }

    @Test
    void extensionsAreCreatedInTheTemplateOnAnyServer() {
        Engine.assertAllPass(1, Citext.class);
    }

    @Test
    void anExistingServerThatDiffersFromWhatAClassAsksForFailsItNamingTheDifference() {
        assumeThat(kind()).as("an existing server (PGTESTKIT_URL)").isEqualTo("url");
        int major = PostgresProvider.auto().shared().versionNum() / 10000;
        assumeThat(major).as("the URL server's version").isNotEqualTo(14);
        String failures = Engine.failures(Engine.run(Postgres14.class, SmallWorkMem.class));
        assertThat(failures).contains("PostgreSQL 14 was asked for, but the server at jdbc:postgresql://")
                .contains("runs PostgreSQL " + major + ". Point it at a PostgreSQL 14 server")
                .contains("does not have: work_mem is '").contains("not '7777kB'");
    }

    static void recordPort(String fixture, DisposableDatabase database) {
        PORTS.put(fixture, URI.create(database.jdbcUrl().substring("jdbc:".length())).getPort());
    }

    static String query(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @PgTest
    static class DefaultServer {
        @Test
        void runsOnTheDefaultServer(DisposableDatabase database) {
            recordPort("DefaultServer", database);
        }
    }

    @PgTest(settings = "shared_preload_libraries=pg_stat_statements", extensions = "pg_stat_statements")
    @WithTransaction
    static class StatementsA {
        @Test
        void readsStatementStatistics(DisposableDatabase database, DataSource dataSource) throws Exception {
            recordPort("StatementsA", database);
            assertThat(query(dataSource, "SELECT count(*) >= 0 FROM pg_stat_statements")).isEqualTo("t");
        }
    }

    @PgTest(settings = "shared_preload_libraries = pg_stat_statements", extensions = "pg_stat_statements")
    static class StatementsB {
        @Test
        void sharesTheServerOfTheClassWithTheSameSettings(DisposableDatabase database, DataSource dataSource)
                throws Exception {
            recordPort("StatementsB", database);
            assertThat(query(dataSource, "SHOW shared_preload_libraries")).isEqualTo("pg_stat_statements");
        }
    }

    @PgTest(postgres = "14", migrations = SharedTemplate.LOCATION)
    static class Postgres14 {
        @Test
        void runsOnPostgres14(DisposableDatabase database, DataSource dataSource) throws Exception {
            recordPort("Postgres14", database);
            assertThat(query(dataSource, "SHOW server_version_num")).startsWith("14");
            assertThat(query(dataSource, "SELECT count(*) FROM accounts")).isNotNull();
        }
    }

    @PgTest(settings = "work_mem=7777kB")
    static class SmallWorkMem {
        @Test
        void hasTheSetting(DisposableDatabase database, DataSource dataSource) throws Exception {
            recordPort("SmallWorkMem", database);
            assertThat(query(dataSource, "SHOW work_mem")).isEqualTo("7777kB");
        }
    }

    @PgTest(extensions = "citext", scripts = "classpath:scripts/citext-users.sql")
    @WithTransaction
    static class Citext {
        @Test
        void usesTheExtensionInTheMigrations(DataSource dataSource) throws Exception {
            assertThat(query(dataSource, "SELECT count(*) FROM citext_users WHERE email = 'ADA@EXAMPLE.COM'"))
                    .isEqualTo("1");
        }
    }
}

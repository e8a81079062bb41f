package dev.pgtestkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A clone given back that provably nobody changed goes back into the pool (renamed) instead of being dropped; any
 * change, even one rolled back or one that writes no row, gets it dropped (UnchangedCheck).
 */
class ClonePoolReuseIT {

    private static final PostgresServer SERVER = PostgresProvider.auto().shared();
    private static String template;

    private ClonePool pool;

    /** A template of this class's own: a table with two rows and a sequence used once. */
    @BeforeAll
    static void ownTemplate() throws Exception {
        Assumptions.assumeTrue(SERVER.versionNum() >= 150000, "clones are reused on PostgreSQL 15+ only");
        Path script = Files.createTempFile("pgtestkit-reuse-", ".sql");
        Files.writeString(script, "-- " + UUID.randomUUID() + "\n"
                + "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);\n"
                + "INSERT INTO t (v) VALUES ('a'), ('b');\n"
                + "CREATE SEQUENCE s;\n"
                + "SELECT setval('s', 42);\n");
        template = DatabaseTemplate.builder(SERVER).sqlScripts(script).poolSize(0).buildOwned().name();
        Files.delete(script);
    }

    @AfterAll
    static void dropOwnTemplate() throws Exception {
        if (template != null) {
            try (Connection admin = SERVER.connect(SERVER.adminDatabase())) {
                TemplateBuilder.dropTemplate(SERVER, admin, template);
            }
        }
    }

    @BeforeEach
    void openPool() {
        pool = new ClonePool(SERVER, template, 1);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void aCloneOnWhichOnlySelectsRanIsHandedOutAgainUnderANewNameWithTheTemplatesContent() throws Exception {
        String first = pool.take();
        long oid = oid(first);
        try (Connection c = SERVER.connect(first)) {
            assertThat(queryLong(c, "SELECT count(*) FROM t")).isEqualTo(2);
            queryLong(c, "SELECT count(*) FROM pg_class"); // catalog reads are no change either
        }
        pool.giveBack(first);

        awaitCheck(oid, 0);
        assertThat(pool.reused()).as("clones given back unchanged (last drop: %s)", pool.lastDrop()).isEqualTo(1);
        String renamed = nameOf(oid);
        assertThat(renamed).as("the clone, still on the server").isNotNull().isNotEqualTo(first)
                .startsWith(first.substring(0, first.lastIndexOf('_') + 1));
        assertThat(SERVER.databases(first)).as("its old name, which a stale DataSource would use").isEmpty();

        List<String> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 5 && !taken.contains(renamed); i++) {
                taken.add(pool.take());
            }
            assertThat(taken).as("hand-outs after the give-back").contains(renamed);
            String fresh = taken.stream().filter(n -> !n.equals(renamed)).findFirst().orElseGet(() -> {
                String another = pool.take();
                taken.add(another);
                return another;
            });
            assertThat(content(renamed)).as("the reused clone's content, as a fresh clone's")
                    .isEqualTo(content(fresh)).isEqualTo(List.of(2L, 2L, 42L));
        } finally {
            taken.forEach(pool::giveBack);
        }
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("an insert that commits", (Change) (c, name) -> execute(c, "INSERT INTO t (v) VALUES ('x')")),
                Arguments.of("an insert rolled back", (Change) (c, name) -> {
                    c.setAutoCommit(false);
                    execute(c, "INSERT INTO t (v) VALUES ('x')");
                    c.rollback();
                }),
                Arguments.of("SELECT nextval alone", (Change) (c, name) -> queryLong(c, "SELECT nextval('s')")),
                Arguments.of("CREATE TEMP TABLE", (Change) (c, name) -> execute(c, "CREATE TEMP TABLE scratch (x int)")),
                Arguments.of("ALTER DATABASE SET", (Change) (c, name) ->
                        execute(c, "ALTER DATABASE \"" + name + "\" SET work_mem = '8MB'")),
                Arguments.of("COMMENT ON DATABASE", (Change) (c, name) ->
                        execute(c, "COMMENT ON DATABASE \"" + name + "\" IS 'changed'")),
                Arguments.of("a plain VACUUM", (Change) (c, name) -> execute(c, "VACUUM t")),
                Arguments.of("writes hidden by pg_stat_reset()", (Change) (c, name) -> {
                    execute(c, "INSERT INTO t (v) VALUES ('x')");
                    c.close(); // the session's statistics are flushed as it ends
                    awaitNoSessions(name);
                    try (Connection again = SERVER.connect(name)) {
                        queryLong(again, "SELECT count(*) FROM (SELECT pg_stat_reset()) r");
                    }
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangedCloneIsDropped(String what, Change change) throws Exception {
        String clone = pool.take();
        long oid = oid(clone);
        try (Connection c = SERVER.connect(clone)) {
            change.apply(c, clone);
        }
        pool.giveBack(clone);

        awaitCheck(oid, 0);
        assertThat(pool.reused()).as("clones reused after " + what).isZero();
        assertThat(nameOf(oid)).as("the clone after " + what + " (dropped)").isNull();
    }

    @Test
    void aCloneStillConnectedAfterTheWaitIsDropped() throws Exception {
        String clone = pool.take();
        long oid = oid(clone);
        try (Connection open = SERVER.connect(clone)) {
            assertThat(queryLong(open, "SELECT 1")).isEqualTo(1);
            pool.giveBack(clone);
            awaitCheck(oid, 0);
            assertThat(pool.reused()).isZero();
            assertThat(nameOf(oid)).as("the clone a session still held (dropped WITH (FORCE))").isNull();
            assertThatThrownBy(() -> queryLong(open, "SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aStaleDataSourceOfAReusedCloneFailsAsAfterADrop() throws Exception {
        // the check may drop a clone it cannot vouch for (it is conservative); what is tested here is the old name
        // after a reuse, so a few give-backs are allowed to reach one
        String clone = null;
        for (int attempt = 0; attempt < 3 && pool.reused() == 0; attempt++) {
            clone = pool.take();
            long oid = oid(clone);
            pool.giveBack(clone);
            awaitCheck(oid, 0);
        }
        assertThat(pool.reused()).as("clones given back unchanged (last drop: %s)", pool.lastDrop()).isEqualTo(1);
        String stale = clone;
        assertThatThrownBy(() -> SERVER.connect(stale)).isInstanceOf(ConnectionException.class)
                .hasMessageContaining(stale);
    }

    @Test
    void withReuseOffAnUnchangedCloneIsDropped() throws Exception {
        pool.close();
        System.setProperty(UnchangedCheck.PROPERTY, "false");
        try {
            pool = new ClonePool(SERVER, template, 1);
        } finally {
            System.clearProperty(UnchangedCheck.PROPERTY);
        }
        String clone = pool.take();
        long oid = oid(clone);
        pool.giveBack(clone);
        awaitCheck(oid, 0);
        assertThat(pool.reused()).isZero();
        assertThat(nameOf(oid)).isNull();
    }

    @FunctionalInterface
    interface Change {
        void apply(Connection clone, String name) throws SQLException;
    }

    /** Row count of t, its identity's and s's last values. */
    private static List<Long> content(String database) throws SQLException {
        try (Connection c = SERVER.connect(database)) {
            return List.of(queryLong(c, "SELECT count(*) FROM t"), queryLong(c, "SELECT last_value FROM t_id_seq"),
                    queryLong(c, "SELECT last_value FROM s"));
        }
    }

    /** Until the give-back was checked: the clone is gone, or the pool counted more reuses than before. */
    private void awaitCheck(long oid, long reusedBefore) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pool.reused() == reusedBefore && nameOf(oid) != null) {
            assertThat(System.nanoTime()).as("the give-back of database %s checked within 30 s", oid)
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static void awaitNoSessions(String name) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection admin = SERVER.connect(SERVER.adminDatabase())) {
            while (queryLong(admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name + "'") > 0
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long oid(String name) throws SQLException {
        try (Connection admin = SERVER.connect(SERVER.adminDatabase());
             PreparedStatement ps = admin.prepareStatement("SELECT oid FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("database " + name + " exists").isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** The database's name now, null when it was dropped. */
    private static String nameOf(long oid) throws SQLException {
        try (Connection admin = SERVER.connect(SERVER.adminDatabase());
             PreparedStatement ps = admin.prepareStatement("SELECT datname FROM pg_database WHERE oid = ?")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The normalized form groups a workload exactly as the server's own {@code pg_stat_statements} does. Runs on a
 * dedicated embedded server started with {@code shared_preload_libraries=pg_stat_statements} (a setting that needs
 * a server start), whatever server the other tests use, so it runs in every CI pass.
 */
class PgStatStatementsIT {

    private static PostgresServer server;
    private static DisposableDatabase db;
    private static QueryLogger logger;
    private static DataSource logged;

    @BeforeAll
    static void startServerWithPgStatStatements() throws SQLException {
        server = PostgresProvider.embedded().setting("shared_preload_libraries", "pg_stat_statements")
                .setting("pg_stat_statements.track_utility", "off").start();
        try (Connection admin = server.connect(server.adminDatabase()); Statement s = admin.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        db = DatabaseTemplate.builder(server).poolSize(0).build().checkout();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id int PRIMARY KEY, name text, active boolean, qty int, data jsonb)");
            s.execute("INSERT INTO users SELECT g, 'user ' || g, g % 2 = 0, g, jsonb_build_object('k', g)"
                    + " FROM generate_series(1, 20) g");
        }
        logger = QueryLogger.builder().logToSlf4j(false).build();
        logged = logger.wrap(db.dataSource());
    }

    @AfterAll
    static void stop() {
        if (logger != null) {
            logger.close();
        }
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Plain statements: the variations each tier of normalization must see through (or not). */
    private static final List<String> PLAIN = List.of(
            "SELECT name FROM users WHERE id = 1",
            "select  name\n from USERS where ID=2 -- by id",
            "SELECT name FROM users /* again */ WHERE id = -3",
            "SELECT name FROM \"users\" WHERE \"id\" = 4",
            "SELECT id FROM users WHERE name = 'is it? -- no /* */'",
            "SELECT id FROM users WHERE name = $$it's $1$$",
            "SELECT id FROM users WHERE name = E'it\\'s'",
            "SELECT id FROM users WHERE name = 'bob'",
            "SELECT id FROM users WHERE active = true",
            "SELECT id FROM users WHERE active = false",
            "SELECT id FROM users WHERE id IN (1, 2, 3)",
            "SELECT id FROM users WHERE id IN (7, 8, 9)",
            "SELECT id, name FROM users ORDER BY 1 LIMIT 5",
            "SELECT id, name FROM users ORDER BY 2 LIMIT 5",
            "SELECT id, name FROM users ORDER BY 2 LIMIT 10",
            "SELECT qty - 1 FROM users WHERE qty > 2",
            "SELECT qty - 7 FROM users WHERE qty > 9",
            "SELECT data->>'k', data ? 'k' FROM users WHERE data @> '{\"k\": 1}'",
            "SELECT data->>'j', data ? 'j' FROM users WHERE data @> '{\"k\": 2}'",
            "SELECT data ?| array['k', 'x'] FROM users",
            "SELECT '2024-01-01'::date, id::bigint FROM users WHERE id = 1",
            "SELECT '2025-06-30'::date, id::bigint FROM users WHERE id = 2",
            "SELECT '2025-06-30'::date, id::int FROM users WHERE id = 2",
            "WITH a AS (SELECT id FROM users WHERE qty > 3) SELECT count(*) FROM a",
            "WITH a AS (SELECT id FROM users WHERE qty > 13) SELECT count(*) FROM a",
            "UPDATE users SET qty = qty + 1 WHERE id = 5",
            "UPDATE users SET qty = qty + 2 WHERE id = 6",
            "INSERT INTO users (id, name) VALUES (101, 'x'), (102, 'y')",
            "INSERT INTO users (id, name) VALUES (103, 'z'), (104, E'w')");

    @Test
    void groupsAWorkloadLikePgStatStatements() throws SQLException {
        Map<Integer, Long> queryIds = new HashMap<>();
        Map<Integer, String> normalized = new HashMap<>();
        try (Connection admin = server.connect(server.adminDatabase()); Connection app = logged.getConnection()) {
            reset(admin);
            int n = 0;
            for (String sql : PLAIN) {
                int index = n++;
                normalized.put(index, executeAndNormalize(app, () -> runPlain(app, sql)));
                queryIds.put(index, lastQueryId(admin));
            }
            for (int id : new int[] {1, 2, 3}) {
                int index = n++;
                normalized.put(index, executeAndNormalize(app, () -> runPrepared(app, id)));
                queryIds.put(index, lastQueryId(admin));
            }
        }
        assertThat(partition(normalized)).as("groups of the normalized form, by workload index\n" + normalized)
                .isEqualTo(partition(queryIds));
        assertThat(partition(queryIds)).as("the workload does have groups of several statements").hasSizeLessThan(n(queryIds));
    }

    @Test
    void collapsesListLengthsOnPurposeWherePgStatStatementsBefore18KeepsThemApart() throws SQLException {
        List<String> lengths = List.of("SELECT id FROM users WHERE id IN (1, 2)", "SELECT id FROM users WHERE id IN (1, 2, 3)");
        Set<String> normalizedForms = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        try (Connection admin = server.connect(server.adminDatabase()); Connection app = logged.getConnection()) {
            reset(admin);
            for (String sql : lengths) {
                normalizedForms.add(executeAndNormalize(app, () -> runPlain(app, sql)));
                ids.add(lastQueryId(admin));
            }
        }
        assertThat(normalizedForms).containsExactly("SELECT id FROM users WHERE id IN (?)");
        assertThat(ids).hasSize(server.versionNum() >= 180000 ? 1 : 2);
    }

    private static int n(Map<Integer, ?> map) {
        return map.size();
    }

    private interface Run {
        void run() throws SQLException;
    }

    private static String executeAndNormalize(Connection app, Run run) throws SQLException {
        try (QueryScope scope = logger.startThreadScope("one")) {
            run.run();
            return scope.log().events().get(0).normalizedSql();
        }
    }

    private static void runPlain(Connection app, String sql) throws SQLException {
        try (Statement s = app.createStatement()) {
            if (s.execute(sql)) {
                s.getResultSet().close();
            }
        }
    }

    private static void runPrepared(Connection app, int id) throws SQLException {
        try (PreparedStatement ps = app.prepareStatement("SELECT name FROM users WHERE id = ? AND data ?? 'k'")) {
            ps.setInt(1, id);
            ps.executeQuery().close();
        }
    }

    private static void reset(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
        seen.clear();
    }

    private static final Map<Long, Long> seen = new HashMap<>();

    /** The queryid whose call count grew since the last look (statements of the workload database only). */
    private static long lastQueryId(Connection admin) throws SQLException {
        List<Long> grown = new ArrayList<>();
        try (PreparedStatement ps = admin.prepareStatement("SELECT queryid, calls FROM pg_stat_statements"
                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)")) {
            ps.setString(1, db.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long before = seen.put(rs.getLong(1), rs.getLong(2));
                    if (before == null || before != rs.getLong(2)) {
                        grown.add(rs.getLong(1));
                    }
                }
            }
        }
        assertThat(grown).as("exactly one statement ran").hasSize(1);
        return grown.get(0);
    }

    /** The set of groups: which workload indexes share a key. */
    private static <K> Set<Set<Integer>> partition(Map<Integer, K> keys) {
        Map<K, Set<Integer>> groups = new LinkedHashMap<>();
        keys.forEach((index, key) -> groups.computeIfAbsent(key, k -> new HashSet<>()).add(index));
        return new HashSet<>((Collection<Set<Integer>>) groups.values());
    }
}

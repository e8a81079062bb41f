package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The normalized form groups a workload of {@value #MIN_WORKLOAD}+ statements as the server's own
 * {@code pg_stat_statements} does ({@code track_utility} on), on the oldest and the newest PostgreSQL CI has (each on
 * a dedicated embedded server started with {@code shared_preload_libraries=pg_stat_statements}, whatever server the
 * other tests use), and on the {@code PGTESTKIT_URL} server when it preloads the module. Every pair of statements
 * the two disagree on is one the workload marks as a deliberate difference, which the README lists.
 */
class PgStatStatementsIT {

    static final int MIN_WORKLOAD = 150;
    private static final IntPredicate ALL = v -> true;

    /** Deliberate differences (README, "Normalization"): where the logger groups apart from the server, and why. */
    enum Deliberate {
        /** The logger merges IN lists and ARRAY[...] of any length (the server too, from 18, for constants). */
        IN_LIST(true),
        /** The logger merges multi-row VALUES of any length. */
        VALUES_ROWS(true),
        /** Bare constants of different types ({@code 3}, {@code 'x'}, {@code 4.2}) are one {@code ?}. */
        CONSTANT_TYPES(true),
        /** The same statement bound with values of different types (setInt, setLong) is one form. */
        BOUND_TYPES(true),
        /** A bare string takes the type of the column it meets ({@code d > '2024-01-01'} is a date): the catalog's. */
        UNTYPED_STRING(false),
        /** {@code public.users} and {@code users}, {@code u.id} and {@code id}: the catalog's knowledge. */
        QUALIFICATION(false),
        /** Before PostgreSQL 16 the server groups utility statements by their exact text. */
        UTILITY_TEXT(true),
        /** Before PostgreSQL 18 the server gives {@code LIMIT n} and {@code OFFSET n} one query id. */
        LIMIT_OFFSET(false);

        /** Whether the logger groups together what the server keeps apart (else the reverse). */
        final boolean merges;

        Deliberate(boolean merges) {
            this.merges = merges;
        }
    }

    /** One statement of the workload; {@code deliberate} names why it may group differently, on which versions. */
    record Case(String sql, Object[] values, Set<Deliberate> deliberate, IntPredicate onVersions) {

        boolean bound() {
            return values != null;
        }
    }

    private static Case plain(String sql) {
        return new Case(sql, null, Set.of(), v -> false);
    }

    private static Case prepared(String sql, Object... values) {
        return new Case(sql, values, Set.of(), v -> false);
    }

    private static Case deliberate(Deliberate why, String sql, Object... values) {
        return new Case(sql, values.length == 0 ? null : values, Set.of(why), v -> true);
    }

    private static Case deliberate(Set<Deliberate> why, IntPredicate onVersions, String sql) {
        return new Case(sql, null, why, onVersions);
    }

    private static Case utility(String sql) {
        return new Case(sql, null, Set.of(Deliberate.UTILITY_TEXT), v -> v < 160000);
    }

    static List<Case> workload() {
        List<Case> w = new ArrayList<>();
        // spelling: case, whitespace, comments, needless quotes, signs, casts and typed literals of one type
        Stream.of("SELECT name FROM users WHERE id = 1", "select  name\n from USERS where ID=2 -- by id",
                "SELECT name FROM users /* again */ WHERE id = -3", "SELECT name FROM \"users\" WHERE \"id\" = 4",
                "SELECT name FROM users WHERE id = '5'", "SELECT name FROM users WHERE id = '8'::int",
                "SELECT name FROM users WHERE id = CAST('9' AS integer)", "SELECT name FROM users WHERE id = -(14)",
                "SELECT name FROM users WHERE id = 11::int4", "SELECT name FROM users WHERE id = 1::bigint",
                "SELECT name FROM users WHERE id = '1'::bigint", "SELECT name FROM users WHERE id = CAST(2 AS int8)")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        Stream.of("SELECT -1::int", "SELECT id FROM users WHERE name = 'is it? -- no /* */'", "SELECT id FROM users WHERE name = $$it's$$",
                "SELECT id FROM users WHERE name = E'it\\'s'", "SELECT id FROM users WHERE name = 'bob'::text",
                "SELECT id FROM users WHERE name = CAST('x' AS varchar)", "SELECT id FROM users WHERE name = 'y'::varchar")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // booleans: constants, but IS TRUE / IS FALSE are syntax
        Stream.of("SELECT id FROM users WHERE active = true", "SELECT id FROM users WHERE active = false",
                "SELECT id FROM users WHERE active IS TRUE", "SELECT id FROM users WHERE active IS FALSE",
                "SELECT id FROM users WHERE active IS NOT TRUE", "SELECT id FROM users WHERE active IS NULL",
                "SELECT id FROM users WHERE active IS NOT NULL", "SELECT id FROM users WHERE active IS DISTINCT FROM true",
                "SELECT id FROM users WHERE active IS DISTINCT FROM NULL")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // dates, timestamps, intervals
        Stream.of(                                "SELECT now() - INTERVAL '2' DAY", "SELECT now() - '5 days'::interval",
                "SELECT now() - INTERVAL '3 hours'", "SELECT now() - CAST('1 week' AS interval)",
                "SELECT TIMESTAMP '2024-01-01 10:00'", "SELECT '2024-01-01 11:00'::timestamp",
                "SELECT '2024-01-01 11:00'::timestamptz", "SELECT '2024-01-01 12:00'::timestamp with time zone")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // ORDER BY / GROUP BY positions are column references; in an aggregate's ORDER BY a number is a constant
        Stream.of("SELECT id, name FROM users ORDER BY 1 LIMIT 5", "SELECT id, name FROM users ORDER BY 2 LIMIT 5",
                "SELECT id, name FROM users ORDER BY 2 LIMIT 10", "SELECT id, name FROM users ORDER BY 2 DESC LIMIT 3",
                "SELECT active, qty, count(*) FROM users GROUP BY 1, 2 ORDER BY 3",
                "SELECT active, qty, count(*) FROM users GROUP BY 2, 1 ORDER BY 3",
                "SELECT active, qty, count(*) FROM users GROUP BY 1, 2 ORDER BY 1",
                "SELECT active, count(*) FROM users GROUP BY 1 HAVING count(*) > 2",
                "SELECT active, count(*) FROM users GROUP BY 1 HAVING count(*) > 7",
                "SELECT string_agg(name, ',' ORDER BY 1) FROM users",
                "SELECT string_agg(name, ';' ORDER BY 2) FROM users",
                "SELECT id, rank() OVER (ORDER BY qty) FROM users ORDER BY 1",
                "SELECT * FROM (SELECT id FROM users ORDER BY 1 LIMIT 3) s",
                "SELECT * FROM (SELECT id, qty FROM users ORDER BY 2 LIMIT 4) s",
                "SELECT id FROM users ORDER BY qty + 1", "SELECT id FROM users ORDER BY qty + 2")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // LIMIT / OFFSET spellings
        for (String sql : List.of("SELECT id FROM users ORDER BY id LIMIT 3",
                "SELECT id FROM users ORDER BY id FETCH FIRST 4 ROWS ONLY", "SELECT id FROM users ORDER BY id FETCH NEXT 1 ROW ONLY",
                "SELECT id FROM users ORDER BY id FETCH FIRST ROW ONLY")) {
            w.add(deliberate(Set.of(Deliberate.LIMIT_OFFSET), v -> v < 180000, sql));
        }
        Stream.of(
                                "SELECT id FROM users ORDER BY id LIMIT 2 OFFSET 2", "SELECT id FROM users ORDER BY id OFFSET 4 ROWS FETCH FIRST 2 ROWS ONLY")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // identifiers: quoted keywords are columns, unquoted ones functions; aliases do not count
        Stream.of("SELECT \"user\" FROM kw", "SELECT user FROM kw", "SELECT \"to\" FROM kw", "SELECT \"name\" FROM kw",
                "SELECT name FROM kw", "SELECT \"Name\" FROM kw",
                "SELECT name AS n FROM users WHERE id = 1", "SELECT name AS m FROM users WHERE id = 2",
                "SELECT name label FROM users WHERE id = 3", "SELECT name AS \"Label\" FROM users WHERE id = 4",
                "SELECT count(*) AS total FROM users", "SELECT count(*) FROM users", "SELECT count(id) FROM users")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // NULL is a constant in SET and VALUES
        Stream.of("UPDATE users SET qty = NULL WHERE id = 1", "UPDATE users SET qty = 5 WHERE id = 2",
                "UPDATE users SET qty = qty + 1 WHERE id = 5", "UPDATE users SET qty = qty + 2 WHERE id = 6",
                "UPDATE users SET name = 'x', qty = NULL WHERE id = 7", "UPDATE users SET name = NULL, qty = 3 WHERE id = 8",
                "SELECT coalesce(qty, 0) FROM users", "SELECT coalesce(qty, NULL) FROM users",
                "SELECT id FROM users WHERE qty = NULL")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // JSON operators and JDBC escapes
        Stream.of("SELECT data->>'k', data ? 'k' FROM users WHERE data @> '{\"k\": 1}'",
                "SELECT data->>'j', data ? 'j' FROM users WHERE data @> '{\"k\": 2}'",
                "SELECT data ?| array['k', 'x'] FROM users", "SELECT data #>> '{a,b}' FROM users",
                "SELECT data #>> '{c}' FROM users", "SELECT {fn ucase(name)} FROM users", "SELECT upper(name) FROM users",
                "SELECT {fn lcase(name)} FROM users", "SELECT lower(name) FROM users",
                                "SELECT u.id FROM {oj users u LEFT OUTER JOIN orders o ON o.user_id = u.id}",
                "SELECT u.id FROM users u LEFT OUTER JOIN orders o ON o.user_id = u.id")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        for (String sql : List.of("SELECT 1::int", "SELECT -(1)", "SELECT - 2", "SELECT 3", "SELECT 42", "SELECT 'x'",
                "SELECT 4.2", "SELECT id FROM users WHERE id IN (SELECT user_id FROM orders WHERE total > 10)",
                "SELECT id FROM users WHERE id IN (SELECT user_id FROM orders WHERE total > 20.5)")) {
            w.add(deliberate(Deliberate.CONSTANT_TYPES, sql));
        }
        for (String sql : List.of("SELECT id FROM users WHERE created > DATE '2024-01-01'",
                "SELECT id FROM users WHERE created > '2024-02-01'::date", "SELECT id FROM users WHERE created > '2024-04-01'",
                "SELECT id FROM users WHERE created > CAST('2024-03-01' AS date)",
                "SELECT id FROM users WHERE created > {d '2024-01-01'}")) {
            w.add(deliberate(Deliberate.UNTYPED_STRING, sql));
        }
        for (String sql : List.of("SELECT id FROM users ORDER BY id LIMIT 7", "SELECT id FROM users ORDER BY id OFFSET 2",
                "SELECT id FROM users ORDER BY id OFFSET 5 ROWS", "SELECT id FROM users ORDER BY id FETCH FIRST 8 ROWS ONLY")) {
            w.add(deliberate(Set.of(Deliberate.LIMIT_OFFSET), v -> v < 180000, sql));
        }
        // CTEs, subqueries, joins, set operations
        Stream.of("WITH a AS (SELECT id FROM users WHERE qty > 3) SELECT count(*) FROM a",
                "WITH a AS (SELECT id FROM users WHERE qty > 13) SELECT count(*) FROM a",
                "WITH R AS (SELECT id FROM users WHERE qty > 1) SELECT count(*) FROM r",
                                "SELECT id FROM users WHERE EXISTS (SELECT 1 FROM orders WHERE user_id = users.id)",
                "SELECT id FROM users UNION SELECT user_id FROM orders", "SELECT id FROM users UNION ALL SELECT user_id FROM orders",
                "SELECT u.name, sum(o.total) FROM users u JOIN orders o ON o.user_id = u.id GROUP BY 1",
                "SELECT u.name, sum(o.total) FROM users u JOIN orders o ON o.user_id = u.id WHERE o.total > 5 GROUP BY 1",
                "SELECT u.name, sum(o.total) FROM users u JOIN orders o ON o.user_id = u.id WHERE o.total > 6 GROUP BY 1")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // writes (a numeric column gets an int4, a numeric or a NULL constant: three query ids)
        for (String sql : List.of("INSERT INTO orders (id, user_id, total) VALUES (1001, 1, 9.5)",
                "INSERT INTO orders (id, user_id, total) VALUES (1002, 2, 10)",
                "INSERT INTO orders (id, user_id, total) VALUES (1003, 3, NULL)")) {
            w.add(deliberate(Set.of(Deliberate.CONSTANT_TYPES, Deliberate.VALUES_ROWS), ALL, sql));
        }
        Stream.of("INSERT INTO orders (id, user_id, total) VALUES (1004, 4, 1) RETURNING id",
                "INSERT INTO orders (id, user_id, total) VALUES (1005, 5, 2) RETURNING id AS new_id",
                "INSERT INTO orders (id, user_id, total) VALUES (1006, 6, 3) ON CONFLICT (id) DO NOTHING",
                "INSERT INTO orders (id, user_id, total) VALUES (1006, 6, 4) ON CONFLICT (id) DO UPDATE SET total = 7",
                "DELETE FROM orders WHERE id = 1001", "DELETE FROM orders WHERE id = 1002 RETURNING total",
                "DELETE FROM orders WHERE total < 0", "DELETE FROM orders WHERE total < -5")
                .map(PgStatStatementsIT::plain).forEach(w::add);
        // bound values: setInt and setLong, setString, setObject with types
        w.add(deliberate(Deliberate.BOUND_TYPES, "SELECT name FROM users WHERE id = ? AND data ?? 'k'", 1));
        w.add(deliberate(Deliberate.BOUND_TYPES, "SELECT name FROM users WHERE id = ? AND data ?? 'k'", 2));
        w.add(deliberate(Deliberate.BOUND_TYPES, "SELECT name FROM users WHERE id = ? AND data ?? 'k'", 3L));
        w.add(prepared("SELECT name FROM users WHERE big = ?", 3L));
        w.add(prepared("SELECT name FROM users WHERE big = ?", 4L));
        w.add(prepared("SELECT name FROM users WHERE name = ?", "bob"));
        w.add(prepared("SELECT name FROM users WHERE name = ?", "alice"));
        w.add(prepared("SELECT name FROM users WHERE id = ?::int", 5));
        w.add(prepared("SELECT name FROM users WHERE id = CAST(? AS integer)", 6));
        w.add(prepared("UPDATE users SET qty = ? WHERE id = ?", 1, 2));
        w.add(prepared("UPDATE users SET qty = ? WHERE id = ?", 3, 4));
        w.add(prepared("SELECT id FROM users ORDER BY id LIMIT ?", 3));
        w.add(prepared("SELECT id FROM users ORDER BY id LIMIT ?", 4));
        // deliberate differences
        w.add(deliberate(Deliberate.IN_LIST, "SELECT id FROM users WHERE id IN (1, 2, 3)"));
        w.add(deliberate(Deliberate.IN_LIST, "SELECT id FROM users WHERE id IN (7, 8, 9)"));
        w.add(deliberate(Deliberate.IN_LIST, "SELECT id FROM users WHERE id IN (7, 8)"));
        w.add(deliberate(Deliberate.IN_LIST, "SELECT id FROM users WHERE id IN (?, ?)", 1, 2));
        w.add(deliberate(Deliberate.IN_LIST, "SELECT id FROM users WHERE id IN (?, ?, ?, ?)", 1, 2, 3, 4));
        w.add(deliberate(Deliberate.IN_LIST, "SELECT id FROM users WHERE id = ANY(ARRAY[1, 2])"));
        w.add(deliberate(Deliberate.IN_LIST, "SELECT id FROM users WHERE id = ANY(ARRAY[1, 2, 3])"));
        w.add(deliberate(Deliberate.VALUES_ROWS, "INSERT INTO orders (id, user_id, total) VALUES (2001, 1, 1), (2002, 1, 2)"));
        w.add(deliberate(Deliberate.VALUES_ROWS, "INSERT INTO orders (id, user_id, total) VALUES (2003, 1, 1), (2004, 1, 2), (2005, 1, 3)"));
        w.add(deliberate(Deliberate.VALUES_ROWS, "INSERT INTO orders (id, user_id, total) VALUES (2006, 1, 4)"));
        w.add(deliberate(Deliberate.QUALIFICATION, "SELECT qty FROM users WHERE id = 12"));
        w.add(deliberate(Deliberate.BOUND_TYPES, "SELECT qty FROM users WHERE id = ?", 12));
        w.add(deliberate(Deliberate.BOUND_TYPES, "SELECT qty FROM users WHERE id = ?", 13L));
        w.add(deliberate(Deliberate.BOUND_TYPES, "SELECT qty FROM users WHERE id = ?", 14));
        w.add(deliberate(Deliberate.QUALIFICATION, "SELECT qty FROM public.users WHERE id = 1"));
        w.add(deliberate(Deliberate.QUALIFICATION, "SELECT qty FROM users WHERE id = 2"));
        w.add(deliberate(Deliberate.QUALIFICATION, "SELECT qty FROM users WHERE id = 3"));
        w.add(deliberate(Deliberate.QUALIFICATION, "SELECT users.qty FROM users WHERE users.id = 3"));
        w.add(deliberate(Deliberate.QUALIFICATION, "SELECT x.qty FROM users x WHERE x.id = 4"));
        // utility statements (track_utility on)
        Stream.of("SET work_mem = '64MB'", "SET work_mem = '32MB'", "set work_mem TO '16MB'", "SHOW work_mem",
                "show WORK_MEM", "SET search_path = public", "BEGIN", "COMMIT", "begin", "commit", "START TRANSACTION",
                "ROLLBACK", "CREATE TEMP TABLE tmp_a (x int)", "DROP TABLE tmp_a", "create temp table TMP_A (X INT)",
                "drop table TMP_A", "ANALYZE users", "analyze USERS", "VACUUM orders", "vacuum ORDERS",
                "CREATE TEMP TABLE tmp_b (x int DEFAULT NULL, y text NOT NULL)", "DROP TABLE tmp_b")
                .map(PgStatStatementsIT::utility).forEach(w::add);
        return w;
    }

    static final String SCHEMA = """
            CREATE TABLE users (id int PRIMARY KEY, name text, active boolean, qty int, data jsonb, created date,
                                big bigint);
            INSERT INTO users SELECT g, 'user ' || g, g % 2 = 0, g, jsonb_build_object('k', g), date '2024-01-01' + g, g
              FROM generate_series(1, 20) g;
            CREATE TABLE orders (id int PRIMARY KEY, user_id int, total numeric);
            CREATE TABLE kw ("user" text, "to" text, name text, "Name" text);
            """;

    @ParameterizedTest(name = "embedded PostgreSQL {0}")
    @ValueSource(strings = {"14", "18"})
    void groupsAWorkloadLikePgStatStatementsOnTheOldestAndNewestVersions(String version) throws SQLException {
        try (PostgresServer server = PostgresProvider.embedded().withPostgresVersion(version)
                .setting("shared_preload_libraries", "pg_stat_statements")
                .setting("pg_stat_statements.track_utility", "on").start()) {
            compareOn(server);
        }
    }

    @Test
    void groupsAWorkloadLikePgStatStatementsOnThePgtestkitUrlServer() throws SQLException {
        String url = System.getenv("PGTESTKIT_URL") != null ? System.getenv("PGTESTKIT_URL")
                : System.getProperty("pgtestkit.url");
        assumeTrue(url != null, "no PGTESTKIT_URL server: the embedded 14 and 18 cases cover the comparison");
        PostgresServer server = PostgresProvider.url(url).shared();
        String preloaded;
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW shared_preload_libraries")) {
            rs.next();
            preloaded = rs.getString(1);
        }
        assumeTrue(preloaded.contains("pg_stat_statements"), "the PGTESTKIT_URL server (" + server.description()
                + ") does not preload pg_stat_statements (shared_preload_libraries = '" + preloaded
                + "'), which needs a restart; the embedded 14 and 18 cases cover the comparison");
        compareOn(server);
    }

    private static void compareOn(PostgresServer server) throws SQLException {
        try (Connection admin = server.connect(server.adminDatabase()); Statement s = admin.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SET pg_stat_statements.track_utility = on");
        }
        List<Case> workload = workload();
        assertThat(workload).hasSizeGreaterThanOrEqualTo(MIN_WORKLOAD);
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout();
                QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(null).build()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(SCHEMA);
            }
            Oracle oracle = new Oracle(server, db.name());
            List<String> normalized = new ArrayList<>();
            List<Long> queryIds = new ArrayList<>();
            try (Connection app = logger.wrap(db.dataSource()).getConnection()) {
                oracle.reset();
                for (Case c : workload) {
                    try (QueryScope scope = logger.startThreadScope("one")) {
                        run(app, c);
                        normalized.add(scope.log().events().get(0).normalizedSql());
                    }
                    List<Long> grown = oracle.grown();
                    assertThat(grown).as("query ids of one statement: %s", c.sql()).hasSize(1);
                    queryIds.add(grown.get(0));
                }
                assertThat(countsTwoStatements(app, logger, oracle)).isEqualTo(2);
            }
            List<String> unexcused = differences(workload, normalized, queryIds, server.versionNum());
            assertThat(unexcused).as("pairs grouped differently by the logger and pg_stat_statements on "
                    + server.description()).isEmpty();
        }
    }

    /** {@code SELECT 1; SELECT 2} runs two statements for the server and for the logger's counts. */
    private static long countsTwoStatements(Connection app, QueryLogger logger, Oracle oracle) throws SQLException {
        try (QueryScope scope = logger.startThreadScope("two")) {
            try (Statement s = app.createStatement()) {
                s.execute("SELECT 1; SELECT 2");
            }
            assertThat(oracle.grown()).hasSize(1); // the same query id, called twice
            return scope.log().selectCount();
        }
    }

    /**
     * Every pair on which the two groupings disagree that no deliberate difference excuses: both statements name the
     * same one, in its direction (merged or split), on this version; or one statement is bound and the other inlined
     * and the logger merges them (the server tells a constant from a parameter).
     */
    static List<String> differences(List<Case> workload, List<String> normalized, List<Long> queryIds,
                                    int versionNum) {
        List<String> unexcused = new ArrayList<>();
        for (int i = 0; i < workload.size(); i++) {
            for (int j = i + 1; j < workload.size(); j++) {
                boolean sameForm = normalized.get(i).equals(normalized.get(j));
                boolean sameId = queryIds.get(i).equals(queryIds.get(j));
                if (sameForm == sameId) {
                    continue;
                }
                Case a = workload.get(i);
                Case b = workload.get(j);
                boolean excused = sameForm && a.bound() != b.bound();
                for (Deliberate why : a.deliberate()) {
                    excused |= b.deliberate().contains(why) && why.merges == sameForm
                            && a.onVersions().test(versionNum) && b.onVersions().test(versionNum);
                }
                if (!excused) {
                    unexcused.add((sameForm ? "merged: " : "split: ") + a.sql() + "  |  " + b.sql() + "  ->  "
                            + normalized.get(i) + (sameForm ? "" : "  |  " + normalized.get(j)));
                }
            }
        }
        return unexcused;
    }

    private static void run(Connection app, Case c) throws SQLException {
        if (c.values() == null) {
            try (Statement s = app.createStatement()) {
                if (s.execute(c.sql())) {
                    s.getResultSet().close();
                }
            }
            return;
        }
        try (PreparedStatement ps = app.prepareStatement(c.sql())) {
            for (int i = 0; i < c.values().length; i++) {
                ps.setObject(i + 1, c.values()[i]);
            }
            if (ps.execute()) {
                ps.getResultSet().close();
            }
        }
    }

    /** Which query ids of the workload database were called since the last look. */
    private static final class Oracle {

        private final PostgresServer server;
        private final String database;
        private final Map<Long, Long> calls = new HashMap<>();

        Oracle(PostgresServer server, String database) {
            this.server = server;
            this.database = database;
        }

        void reset() throws SQLException {
            // this database's entries only: a run on a shared server leaves other runs' counts alone
            try (Connection admin = server.connect(server.adminDatabase());
                    PreparedStatement ps = admin.prepareStatement("SELECT pg_stat_statements_reset(0, (SELECT oid"
                            + " FROM pg_database WHERE datname = ?), 0)")) {
                ps.setString(1, database);
                ps.execute();
            }
            calls.clear();
        }

        List<Long> grown() throws SQLException {
            List<Long> grown = new ArrayList<>();
            try (Connection admin = server.connect(server.adminDatabase());
                    PreparedStatement ps = admin.prepareStatement("SELECT queryid, calls FROM pg_stat_statements"
                            + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long before = calls.put(rs.getLong(1), rs.getLong(2));
                        if (before == null || before != rs.getLong(2)) {
                            grown.add(rs.getLong(1));
                        }
                    }
                }
            }
            return grown;
        }
    }
}

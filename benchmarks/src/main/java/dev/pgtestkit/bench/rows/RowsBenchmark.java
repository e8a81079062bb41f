package dev.pgtestkit.bench.rows;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.rows.Rows;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cost of the row API over hand-written PgJDBC doing the same work, in one run on one database (a table shaped
 * like the hard-case {@code customers}: bigserial, enum array, jsonb, domain, timestamptz). Both sides run in one transaction on one connection,
 * so the difference is the row API's own work: name matching, conversion, SQL building, Jdbi, mapping.
 * <ul>
 *   <li>insert: 5,000 single-row inserts returning the row (JDBC: prepare, bind, execute, read every column
 *       into a map, close; Rows: {@code insert});</li>
 *   <li>getBy: 5,000 lookups by primary key (JDBC as above; Rows: {@code getBy});</li>
 *   <li>insertAll: 20,000 rows (JDBC: addBatch/executeBatch of 1,000, no rows returned; Rows: {@code insertAll},
 *       multi-row VALUES returning every row);</li>
 *   <li>fetch: read 20,000 rows into maps (JDBC: getObject per column; Rows: {@code fetch}).</li>
 * </ul>
 * One warm-up round, then rounds alternating which side goes first; medians over the rounds. Wall time is what a
 * test waits; client CPU time (this thread's, from ThreadMXBean) is the row API's own work and is far less
 * disturbed by other load on a shared machine.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.rows.RowsBenchmark</pre>
 */
public final class RowsBenchmark {

    private static final int SINGLE = 5_000;
    private static final int BULK = 20_000;
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    private static final String INSERT = "INSERT INTO customers (email, full_name, moods, preferences, external_ref)"
            + " VALUES (?, ?, ?::mood[], ?::jsonb, ?) RETURNING *";
    private static final String SELECT = "SELECT * FROM customers WHERE id = ?";
    /** The shape of the hard-case customers table, created here (the seed migrations ship in a test-jar). */
    private static final String SCHEMA = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
            + " CREATE DOMAIN email_address AS varchar(254) CHECK (VALUE LIKE '%_@_%');"
            + " CREATE TABLE customers (id bigserial PRIMARY KEY, email email_address NOT NULL,"
            + " full_name varchar(120) NOT NULL, status varchar(10) NOT NULL DEFAULT 'active',"
            + " moods mood[] NOT NULL DEFAULT '{}', preferences jsonb NOT NULL DEFAULT '{}',"
            + " external_ref varchar(40) UNIQUE, created_at timestamptz NOT NULL DEFAULT now())";

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static volatile long sink;

    /** One side of a comparison: the work of one round on a connection in a transaction. */
    @FunctionalInterface
    private interface Work {
        void run(Connection connection, Rows tx) throws SQLException;
    }

    private record Case(String name, Work jdbc, Work rows) {
    }

    private RowsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresProvider.auto().shared();
        System.out.println("server: " + server.description());
        List<Case> cases = List.of(
                new Case("insert x" + SINGLE, RowsBenchmark::jdbcInserts, (c, tx) -> rowsInserts(tx)),
                new Case("getBy x" + SINGLE, RowsBenchmark::jdbcLookups, (c, tx) -> rowsLookups(tx)),
                new Case("insertAll " + BULK, RowsBenchmark::jdbcBatch, (c, tx) -> rowsInsertAll(tx)),
                new Case("fetch " + BULK, RowsBenchmark::jdbcFetch, (c, tx) -> rowsFetch(tx)));
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection connection = db.connect()) {
            try (PreparedStatement ddl = connection.prepareStatement(SCHEMA)) {
                ddl.execute();
            }
            Rows rows = Rows.of(db.dataSource());
            long loadStart = System.nanoTime();
            rows.registry();
            System.out.printf(Locale.ROOT, "registry load on first use: %.1f ms%n", Stats.ms(System.nanoTime()
                    - loadStart));
            System.out.printf(Locale.ROOT, "%-16s %10s %10s %8s %10s %10s %8s%n", "case", "jdbc ms", "rows ms",
                    "wall", "jdbc cpu", "rows cpu", "cpu");
            for (Case c : cases) {
                report(c, measure(c, connection, rows));
            }
        }
    }

    /** Wall and client-CPU nanoseconds: [0] jdbc wall, [1] rows wall, [2] jdbc cpu, [3] rows cpu; per round. */
    private static long[][] measure(Case c, Connection connection, Rows rows) throws SQLException {
        long[][] samples = new long[4][ROUNDS];
        round(c.jdbc(), connection, rows);
        round(c.rows(), connection, rows);
        for (int r = 0; r < ROUNDS; r++) {
            boolean jdbcFirst = r % 2 == 0;
            for (int side : jdbcFirst ? new int[] {0, 1} : new int[] {1, 0}) {
                long[] timing = round(side == 0 ? c.jdbc() : c.rows(), connection, rows);
                samples[side][r] = timing[0];
                samples[side + 2][r] = timing[1];
            }
        }
        return samples;
    }

    /**
     * Fresh table with {@link #BULK} rows, then the timed work: JDBC in a transaction on {@code connection}, Rows in
     * a transaction of its own connection; both rolled back afterwards. Returns wall and thread-CPU nanoseconds.
     */
    private static long[] round(Work work, Connection connection, Rows rows) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement reset = connection.prepareStatement("TRUNCATE customers RESTART IDENTITY CASCADE;"
                + " INSERT INTO customers (email, full_name, external_ref) SELECT 'seed' || g || '@x.io', 'Seed',"
                + " 'S' || g FROM generate_series(1, " + BULK + ") g")) {
            reset.execute();
        }
        connection.setAutoCommit(false);
        long[] elapsed = new long[2];
        try {
            rows.useTransaction(tx -> {
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                try {
                    work.run(connection, tx);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                elapsed[0] = System.nanoTime() - start;
                elapsed[1] = CPU.getCurrentThreadCpuTime() - cpuStart;
                throw new Rollback();
            });
        } catch (Rollback expected) {
            connection.rollback();
        }
        return elapsed;
    }

    private static void report(Case c, long[][] samples) {
        double[] median = new double[4];
        for (int i = 0; i < 4; i++) {
            median[i] = Stats.median(samples[i]);
        }
        System.out.printf(Locale.ROOT, "%-16s %10.1f %10.1f %7.2fx %10.1f %10.1f %7.2fx%n", c.name(),
                Stats.ms(median[0]), Stats.ms(median[1]), median[1] / median[0],
                Stats.ms(median[2]), Stats.ms(median[3]), median[3] / median[2]);
    }

    private static void jdbcInserts(Connection connection, Rows unused) throws SQLException {
        for (int i = 0; i < SINGLE; i++) {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                ps.setString(1, "j" + i + "@x.io");
                ps.setString(2, "Jay " + i);
                ps.setString(3, "{happy,ok}");
                ps.setString(4, "{\"theme\":\"dark\",\"n\":" + i + "}");
                ps.setString(5, "J" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sink += toMap(rs).size();
                }
            }
        }
    }

    private static void rowsInserts(Rows tx) {
        for (int i = 0; i < SINGLE; i++) {
            sink += tx.insert("customers", Map.of("email", "r" + i + "@x.io", "fullName", "Ray " + i,
                    "moods", List.of("happy", "ok"), "preferences", Map.of("theme", "dark", "n", i),
                    "externalRef", "R" + i)).size();
        }
    }

    private static void jdbcLookups(Connection connection, Rows unused) throws SQLException {
        for (int i = 1; i <= SINGLE; i++) {
            try (PreparedStatement ps = connection.prepareStatement(SELECT)) {
                ps.setLong(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sink += toMap(rs).size();
                }
            }
        }
    }

    private static void rowsLookups(Rows tx) {
        for (long i = 1; i <= SINGLE; i++) {
            sink += tx.getBy("customers", "id", i).orElseThrow().size();
        }
    }

    private static void jdbcBatch(Connection connection, Rows unused) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO customers (email, full_name, moods,"
                + " preferences, external_ref) VALUES (?, ?, ?::mood[], ?::jsonb, ?)")) {
            for (int i = 0; i < BULK; i++) {
                ps.setString(1, "b" + i + "@x.io");
                ps.setString(2, "Bee " + i);
                ps.setString(3, "{sad}");
                ps.setString(4, "{\"n\":" + i + "}");
                ps.setString(5, "B" + i);
                ps.addBatch();
                if (i % 1_000 == 999) {
                    ps.executeBatch();
                }
            }
        }
    }

    private static void rowsInsertAll(Rows tx) {
        List<Map<String, Object>> batch = new ArrayList<>(BULK);
        for (int i = 0; i < BULK; i++) {
            batch.add(Map.of("email", "c" + i + "@x.io", "fullName", "Cee " + i, "moods", List.of("sad"),
                    "preferences", Map.of("n", i), "externalRef", "C" + i));
        }
        sink += tx.insertAll("customers", batch).size();
    }

    private static void jdbcFetch(Connection connection, Rows unused) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM customers");
             ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> all = new ArrayList<>();
            while (rs.next()) {
                all.add(toMap(rs));
            }
            sink += all.size();
        }
    }

    private static void rowsFetch(Rows tx) {
        sink += tx.fetch("customers", Map.of()).size();
    }

    private static Map<String, Object> toMap(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        return row;
    }

    /** Ends a round: the Rows transaction rolls back when its work throws. */
    private static final class Rollback extends RuntimeException {
        Rollback() {
            super(null, null, false, false);
        }
    }
}

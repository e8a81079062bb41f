package dev.pgtestkit.bench.querylog;

import com.p6spy.engine.spy.P6DataSource;
import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.logging.AbstractQueryLoggingListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Overhead of the query logger against raw PgJDBC, datasource-proxy and p6spy, all in one run on one database:
 * 100,000 small prepared SELECTs (prepare, bind, execute, read the row, close, as application code does) and
 * 100,000 inserts in batches of 100. Every peer records every statement: datasource-proxy with a query-logging
 * listener that builds its log line and a query counter; p6spy with its default modules and a formatting appender
 * that drops the line ({@link DiscardingP6Logger}); pgtestkit with its defaults (SLF4J listener, history, sampled
 * call sites). pgtestkit's SLF4J listener builds no line below DEBUG, so datasource-proxy also runs with its query
 * counter alone (no line built): the least a peer can do while still seeing every statement. A last row shows
 * pgtestkit inside a scope, where every statement walks the stack for its call site.
 * One warm-up pass, then rounds in which the variants take turns block by block (50 blocks of 2,000 operations,
 * rotating order) so that load from elsewhere on the machine hits them alike. Columns: the median over rounds of
 * each variant's total wall time and its ratio to raw; "paired", the median over all blocks of the block's time over
 * the raw block run next to it (the most robust to drifting load); the benchmark thread's CPU time per operation,
 * its ratio to raw, and the same paired block by block (the client-side cost, which is what a wrapper adds).
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.querylog.QueryLoggerBenchmark</pre>
 */
public final class QueryLoggerBenchmark {

    private static final int SELECTS = 100_000;
    private static final int INSERTS = 100_000;
    private static final int BATCH = 100;
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    /** Each round runs every variant in blocks, alternating, so load from elsewhere hits them all alike. */
    private static final int BLOCKS = 50;
    private static final String SELECT = "SELECT name, qty FROM bench_items WHERE id = ?";
    private static final String INSERT = "INSERT INTO bench_log (a, b) VALUES (?, ?)";

    private static volatile long sink;

    /** One way of getting connections; with a {@code scopeOwner}, every block runs inside a pgtestkit scope. */
    private record Variant(String name, DataSource dataSource, QueryLogger scopeOwner) {
    }

    /** A variant with its connection, held for the whole run as a pool would. */
    private record Open(Variant variant, Connection connection) {
    }

    private QueryLoggerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        configureP6Spy();
        PostgresServer server = PostgresProvider.auto().shared();
        System.out.println("server: " + server.description());
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout();
                QueryLogger logger = QueryLogger.create();
                QueryLogger scoped = QueryLogger.create()) {
            createSchema(db.dataSource());
            DataSource raw = db.dataSource();
            List<Variant> variants = List.of(
                    new Variant("raw PgJDBC", raw, null),
                    new Variant("pgtestkit query logger", logger.wrap(raw), null),
                    new Variant("datasource-proxy", dataSourceProxy(raw), null),
                    new Variant("datasource-proxy, counter only", ProxyDataSourceBuilder.create("count", raw)
                            .countQuery().build(), null),
                    new Variant("p6spy", new P6DataSource(raw), null),
                    new Variant("pgtestkit, inside a scope", scoped.wrap(raw), scoped));
            run(variants, raw);
        }
        System.exit(0);
    }

    private static void run(List<Variant> variantList, DataSource raw) throws SQLException {
        List<Open> variants = new java.util.ArrayList<>();
        for (Variant variant : variantList) {
            variants.add(new Open(variant, variant.dataSource().getConnection()));
        }
        for (Open variant : variants) {
            selects(variant, SELECTS / 5);
            inserts(variant, INSERTS / 5, raw);
        }
        Timings selectTimes = new Timings(variants.size(), ROUNDS, BLOCKS);
        Timings insertTimes = new Timings(variants.size(), ROUNDS, BLOCKS);
        for (int round = 0; round < ROUNDS; round++) {
            for (int block = 0; block < BLOCKS; block++) {
                for (int k = 0; k < variants.size(); k++) {
                    int v = (k + block + round) % variants.size();
                    selectTimes.add(v, round, block, selects(variants.get(v), SELECTS / BLOCKS));
                    insertTimes.add(v, round, block, inserts(variants.get(v), INSERTS / BLOCKS, raw));
                }
            }
            System.out.printf("round %d of %d done%n", round + 1, ROUNDS);
        }
        for (Open variant : variants) {
            variant.connection().close();
        }
        report("100,000 prepared SELECTs by primary key", variantList, selectTimes, SELECTS);
        report("100,000 INSERTs in batches of 100", variantList, insertTimes, INSERTS);
        System.out.println("(p6spy last line: " + String.valueOf(DiscardingP6Logger.last()).length() + " chars; sink "
                + sink + ")");
    }

    /** Wall-clock and CPU nanoseconds of {@code count} SELECTs. */
    private static long[] selects(Open variant, int count) throws SQLException {
        Connection c = variant.connection();
        try (QueryScope scope = scopeOf(variant.variant())) {
            long cpu = Timings.cpuNow();
            long start = System.nanoTime();
            long total = 0;
            for (int i = 0; i < count; i++) {
                try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                    ps.setInt(1, i % 1000 + 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getInt(2) + rs.getString(1).length();
                    }
                }
            }
            long[] elapsed = {System.nanoTime() - start, Timings.cpuNow() - cpu};
            sink += total;
            return elapsed;
        }
    }

    /** Wall-clock and CPU nanoseconds of {@code count} batched INSERTs. */
    private static long[] inserts(Open variant, int count, DataSource raw) throws SQLException {
        truncateLog(raw);
        Connection c = variant.connection();
        try (QueryScope scope = scopeOf(variant.variant())) {
            long cpu = Timings.cpuNow();
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < count; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i);
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        sink += ps.executeBatch().length;
                    }
                }
            }
            return new long[] {System.nanoTime() - start, Timings.cpuNow() - cpu};
        }
    }

    private static QueryScope scopeOf(Variant variant) {
        return variant.scopeOwner() == null ? null : variant.scopeOwner().startScope("benchmark");
    }

    private static void report(String title, List<Variant> variants, Timings timings, int operations) {
        double raw = Stats.median(timings.roundTotals(0));
        System.out.printf("%n%s: median of %d rounds (each %d blocks of %d, variants interleaved block by block)%n",
                title, ROUNDS, BLOCKS, operations / BLOCKS);
        double rawCpu = Stats.median(timings.cpuRoundTotals(0));
        System.out.printf(Locale.ROOT, "%-27s %9s %7s %8s %9s %8s %9s %8s %8s %18s%n", "variant", "median ms",
                "us/op", "vs raw", "overhead", "paired", "cpu us/op", "cpu", "cpu pair", "rounds min..max ms");
        for (int v = 0; v < variants.size(); v++) {
            long[] totals = timings.roundTotals(v);
            double median = Stats.median(totals);
            long[] sorted = totals.clone();
            java.util.Arrays.sort(sorted);
            double cpu = Stats.median(timings.cpuRoundTotals(v));
            System.out.printf(Locale.ROOT, "%-27s %9.1f %7.2f %7.3fx %+8.1f%% %7.3fx %9.2f %7.3fx %7.3fx %8.1f..%.1f%n",
                    variants.get(v).name(), Stats.ms(median), median / operations / 1000.0, median / raw,
                    (median / raw - 1) * 100, timings.medianPairedRatio(v, 0), cpu / operations / 1000.0,
                    cpu / rawCpu, timings.medianPairedCpuRatio(v, 0), Stats.ms(sorted[0]),
                    Stats.ms(sorted[sorted.length - 1]));
        }
    }

    private static DataSource dataSourceProxy(DataSource raw) {
        AbstractQueryLoggingListener logging = new AbstractQueryLoggingListener() {
            @Override
            protected void writeLog(String message) {
                sink += message.length();
            }
        };
        logging.setLoggingCondition(() -> true); // what an enabled SLF4J level answers
        return ProxyDataSourceBuilder.create("bench", raw).listener(logging).countQuery().build();
    }

    /** p6spy reads its settings from system properties (no spy.properties file). */
    private static void configureP6Spy() {
        System.setProperty("p6spy.config.appender", DiscardingP6Logger.class.getName());
        System.setProperty("p6spy.config.logMessageFormat", "com.p6spy.engine.spy.appender.SingleLineFormat");
        System.setProperty("p6spy.config.jmxEnabled", "false");
    }

    private static void createSchema(DataSource raw) throws SQLException {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_items (id int PRIMARY KEY, name text NOT NULL, qty int NOT NULL)");
            s.execute("INSERT INTO bench_items SELECT g, 'item ' || g, g % 17 FROM generate_series(1, 1000) g");
            s.execute("CREATE TABLE bench_log (id bigserial PRIMARY KEY, a int NOT NULL, b text NOT NULL)");
            s.execute("ANALYZE bench_items");
        }
    }

    private static void truncateLog(DataSource raw) throws SQLException {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE bench_log");
        }
    }
}

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
 * 100,000 inserts in batches of 100. Peers are configured to do the same work as pgtestkit: with its defaults
 * (SLF4J listener, history, sampled call sites) pgtestkit builds no log line below DEBUG, so the peers run without
 * one too (datasource-proxy with its query counter, p6spy with its appender disabled, which p6spy asks before
 * formatting), beside datasource-proxy with no listener at all (the cost of its proxies alone) and both peers
 * building their line. A last row shows pgtestkit inside a scope, where every statement walks the stack.
 * One warm-up pass, then rounds in which the variants take turns block by block (50 blocks of 2,000 operations,
 * rotating order) so that load from elsewhere on the machine hits them alike. Per variant: the mean, median and p95
 * of its blocks' wall time per operation, the mean's ratio to raw, and "paired", the median over all blocks of the
 * block's time over the raw block run next to it (the most robust to drifting load); the same for the CPU time of
 * every Java thread of the JVM (the benchmark thread and the threads a library starts), and the process's CPU time
 * paired (also GC and JIT): the client-side cost a wrapper adds wherever it spends it.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.querylog.QueryLoggerBenchmark</pre>
 */
public final class QueryLoggerBenchmark {

    /** Operations per workload ({@code -Dops}, default 100,000; fewer on a machine too loaded to finish). */
    private static final int SELECTS = Integer.getInteger("ops", 100_000);
    private static final int INSERTS = SELECTS;
    private static final int BATCH = 100;
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    /** Each round runs every variant in blocks, alternating, so load from elsewhere hits them all alike. */
    private static final int BLOCKS = 50;
    private static final String SELECT = "SELECT name, qty FROM bench_items WHERE id = ?";
    private static final String INSERT = "INSERT INTO bench_log (a, b) VALUES (?, ?)";

    private static volatile long sink;

    /**
     * One way of getting connections; with a {@code scopeOwner}, every block runs inside a pgtestkit scope;
     * {@code p6spyLines}: whether p6spy's appender is enabled (a line formatted per statement) during its blocks.
     */
    private record Variant(String name, DataSource dataSource, QueryLogger scopeOwner, boolean p6spyLines) {
        Variant(String name, DataSource dataSource) {
            this(name, dataSource, null, false);
        }
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
            P6DataSource p6spy = new P6DataSource(raw);
            List<Variant> variants = List.of(
                    new Variant("raw PgJDBC", raw),
                    new Variant("pgtestkit query logger", logger.wrap(raw)),
                    new Variant("datasource-proxy, no listener", ProxyDataSourceBuilder.create("bare", raw).build()),
                    new Variant("datasource-proxy, counter", ProxyDataSourceBuilder.create("count", raw)
                            .countQuery().build()),
                    new Variant("p6spy, no line", p6spy, null, false),
                    new Variant("datasource-proxy, line built", dataSourceProxy(raw)),
                    new Variant("p6spy, line built", p6spy, null, true),
                    new Variant("pgtestkit, inside a scope", scoped.wrap(raw), scoped, false));
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
        report(SELECTS + " prepared SELECTs by primary key", variantList, selectTimes, SELECTS);
        report(INSERTS + " INSERTs in batches of 100", variantList, insertTimes, INSERTS);
        System.out.println("(p6spy last line: " + String.valueOf(DiscardingP6Logger.last()).length() + " chars; sink "
                + sink + ")");
    }

    /** Wall-clock and CPU nanoseconds of {@code count} SELECTs. */
    private static long[] selects(Open variant, int count) throws SQLException {
        Connection c = variant.connection();
        DiscardingP6Logger.enable(variant.variant().p6spyLines());
        try (QueryScope scope = scopeOf(variant.variant())) {
            long[] start = Timings.now();
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
            long[] elapsed = Timings.since(start);
            sink += total;
            return elapsed;
        }
    }

    /** Wall-clock and CPU nanoseconds of {@code count} batched INSERTs. */
    private static long[] inserts(Open variant, int count, DataSource raw) throws SQLException {
        truncateLog(raw);
        Connection c = variant.connection();
        DiscardingP6Logger.enable(variant.variant().p6spyLines());
        try (QueryScope scope = scopeOf(variant.variant())) {
            long[] start = Timings.now();
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
            return Timings.since(start);
        }
    }

    private static QueryScope scopeOf(Variant variant) {
        return variant.scopeOwner() == null ? null : variant.scopeOwner().startScope("benchmark");
    }

    private static void report(String title, List<Variant> variants, Timings timings, int operations) {
        int perBlock = operations / BLOCKS;
        System.out.printf("%n%s: %d rounds of %d blocks of %d, variants interleaved block by block%n", title, ROUNDS,
                BLOCKS, perBlock);
        System.out.printf(Locale.ROOT, "%-31s %31s %8s %8s | %31s %8s | %8s%n", "variant",
                "wall us/op mean / median / p95", "vs raw", "paired", "all-threads CPU us/op mean/med/p95",
                "paired", "process CPU paired");
        double rawWall = Timings.mean(timings.blocks(Timings.Metric.WALL, 0));
        for (int v = 0; v < variants.size(); v++) {
            long[] wall = timings.blocks(Timings.Metric.WALL, v);
            long[] cpu = timings.blocks(Timings.Metric.THREADS_CPU, v);
            System.out.printf(Locale.ROOT, "%-31s %9.2f / %9.2f / %9.2f %7.3fx %7.3fx | %9.2f / %9.2f / %9.2f %7.3fx"
                    + " | %7.3fx%n", variants.get(v).name(), perOp(Timings.mean(wall), perBlock),
                    perOp(Stats.median(wall), perBlock), perOp(Stats.percentile(wall, 95), perBlock),
                    Timings.mean(wall) / rawWall, timings.medianPairedRatio(Timings.Metric.WALL, v, 0),
                    perOp(Timings.mean(cpu), perBlock), perOp(Stats.median(cpu), perBlock),
                    perOp(Stats.percentile(cpu, 95), perBlock),
                    timings.medianPairedRatio(Timings.Metric.THREADS_CPU, v, 0),
                    timings.medianPairedRatio(Timings.Metric.PROCESS_CPU, v, 0));
        }
    }

    private static double perOp(double blockNanos, int perBlock) {
        return blockNanos / perBlock / 1000.0;
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

package dev.pgtestkit.bench.junit;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.tx.TestLevel;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.core.tx.TestTransactions;
import dev.pgtestkit.core.tx.TransactionSettings;
import dev.pgtestkit.junit.SessionCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * What {@code @WithTransaction} costs per test, and what a database per test class costs, each against a baseline
 * measured in the same run on the same server.
 *
 * <p>Part 1 runs the same small test body (insert a row, count the rows) under six regimes, interleaved test by
 * test so machine noise spreads evenly. The baseline runs it on one plain connection and ends with {@code ROLLBACK}
 * (a bare {@code BEGIN ... ROLLBACK}). pgtestkit's regimes run it through the test's DataSource, one
 * {@code getConnection()} per statement as application code would, so the wrapper's cost is counted: a transaction
 * per test with default settings (pooled pinned connection; end-of-test batch with the deferred-constraint check,
 * the other-session check after the 1st, 2nd, 4th... test, and ROLLBACK); the same with the other-session check
 * after every test, and never; the same with a savepoint around every statement; and a class-level transaction
 * with default settings (test savepoint reused, ROLLBACK TO SAVEPOINT). These are exactly the calls the extension
 * makes on core's transaction engine ({@link TestTransactions}, {@link TestLevel}) around each test; JUnit's own
 * overhead is left out.
 *
 * <p>Part 2: a migrated database for a test class ({@link BenchSchema}) from the warm clone pool vs re-running the
 * migrations into an empty database vs starting a fresh embedded server and migrating it (what a Testcontainers
 * container per class amounts to).
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.junit.WithTransactionBenchmark</pre>
 */
public final class WithTransactionBenchmark {

    private static final int WARM_UP = 500;
    private static final int TESTS = 5000;
    private static final int CLASS_SIZE = 30;
    private static final TransactionSettings CHECK_EVERY_TEST = TransactionSettings.defaults();
    private static final TransactionSettings NO_SESSION_CHECK = CHECK_EVERY_TEST.withDetectOtherSessions(false);
    private static final TransactionSettings STATEMENT_SAVEPOINTS = CHECK_EVERY_TEST.withStatementSavepoints(true);

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresProvider.auto().shared();
        System.out.println("server: " + server.description());
        String location = "filesystem:" + BenchSchema.write(BenchSchema.TABLES, BenchSchema.VERSIONS);
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(location).poolSize(2).build();
        perTestOverhead(template);
        perClassDatabase(server, template, location);
    }

    /**
     * Every regime runs on a database of its own, cloned from the same template: each table then sees the same
     * stream of rolled-back inserts (dead tuples the count reads past), and no regime's session is another's "other
     * session". An earlier version ran all pgtestkit regimes on one database, whose table took five times the
     * baseline's inserts.
     */
    private static void perTestOverhead(DatabaseTemplate template) throws SQLException {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Map<String, Regime> regimes = new LinkedHashMap<>();
            Connection bare = own(resources, template.checkout()).dataSource().getConnection();
            own(resources, bare).setAutoCommit(false);
            regimes.put("bare BEGIN; ROLLBACK (baseline)", () -> bareTest(bare));
            long[] ordinal = {0, 0}; // tests run so far by the two regimes with default settings
            regimes.put("@WithTransaction on the method", ownTransactions(resources, template,
                    () -> CHECK_EVERY_TEST.withDetectOtherSessions(spacedCheck(ordinal, 0))));
            regimes.put("  same, otherSessions = EVERY_TEST", ownTransactions(resources, template,
                    () -> CHECK_EVERY_TEST));
            regimes.put("  same, otherSessions = NEVER", ownTransactions(resources, template,
                    () -> NO_SESSION_CHECK));
            regimes.put("  same, statementSavepoints = true", ownTransactions(resources, template,
                    () -> STATEMENT_SAVEPOINTS));
            DisposableDatabase classDatabase = own(resources, template.checkout());
            TestTransactions classTransactions = own(resources, TestTransactions.on(classDatabase));
            TestLevel classLevel = own(resources, TestLevel.top(classTransactions.begin(CHECK_EVERY_TEST,
                    "class benchmark"), "class benchmark"));
            regimes.put("@WithTransaction on the class", () -> classLevelTest(classLevel, ordinal));
            report(measure(regimes));
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                closeQuietly(resources.get(i));
            }
        }
    }

    /** A transaction per test on a database of its own, with the settings of each test. */
    private static Regime ownTransactions(List<AutoCloseable> resources, DatabaseTemplate template,
                                          Supplier<TransactionSettings> settings) {
        DisposableDatabase database = own(resources, template.checkout());
        TestTransactions transactions = own(resources, TestTransactions.on(database));
        return () -> ownTransactionTest(transactions, settings.get());
    }

    private static <T extends AutoCloseable> T own(List<AutoCloseable> resources, T resource) {
        resources.add(resource);
        return resource;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("closing " + resource + " failed: " + e.getMessage());
        }
    }

    /**
     * Runs one test of each regime in turn, in a new seeded random order each time, so every regime sees the same
     * machine load (the machine is shared) and follows every other regime equally often: whichever test runs right
     * after the baseline's (another backend, another database) pays about 130 µs more on this machine, which a fixed
     * cyclic order charged to one regime alone. A ratio of medians then compares like with like.
     */
    private static Map<String, long[]> measure(Map<String, Regime> regimes) throws SQLException {
        List<Regime> list = new ArrayList<>(regimes.values());
        long[][] samples = new long[list.size()][TESTS];
        for (int i = 0; i < WARM_UP; i++) {
            for (Regime regime : list) {
                regime.runTest(); // JIT, server-side plan caches
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < list.size(); r++) {
            order.add(r);
        }
        Random random = new Random(42);
        for (int i = 0; i < TESTS; i++) {
            Collections.shuffle(order, random);
            for (int r : order) {
                long start = System.nanoTime();
                list.get(r).runTest();
                samples[r][i] = System.nanoTime() - start;
            }
        }
        Map<String, long[]> byName = new LinkedHashMap<>();
        int r = 0;
        for (String name : regimes.keySet()) {
            byName.put(name, samples[r++]);
        }
        return byName;
    }

    private static void report(Map<String, long[]> samples) {
        double baseline = Stats.median(samples.values().iterator().next());
        System.out.printf("%nper test (insert + count), %d tests per regime, interleaved:%n", TESTS);
        samples.forEach((name, s) -> System.out.printf("  %-40s median %7.1f us  p95 %7.1f us  ratio %.2fx%n", name,
                Stats.median(s) / 1000.0, Stats.percentile(s, 95) / 1000.0, Stats.median(s) / baseline));
    }

    private static void bareTest(Connection bare) throws SQLException {
        insert(bare);
        count(bare);
        bare.rollback();
    }

    private static void ownTransactionTest(TestTransactions transactions, TransactionSettings settings)
            throws SQLException {
        try (TestTransaction tx = transactions.begin(settings, "benchmark")) {
            body(tx.dataSource());
        }
    }

    /** Default other-session checks, as in test classes of {@value #CLASS_SIZE} tests (checked: 1st, 2nd, 4th...). */
    private static boolean spacedCheck(long[] ordinals, int regime) {
        return SessionCheck.SPACED.checks(ordinals[regime]++ % CLASS_SIZE + 1);
    }

    private static void classLevelTest(TestLevel level, long[] ordinal) throws SQLException {
        level.beginTest(CHECK_EVERY_TEST.withDetectOtherSessions(spacedCheck(ordinal, 1)), "benchmark");
        body(level.transaction().dataSource());
        level.endTest("benchmark");
    }

    /** The test body through pgtestkit: application code takes a connection per piece of work. */
    private static void body(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection);
        }
        try (Connection connection = dataSource.getConnection()) {
            count(connection);
        }
    }

    private static void insert(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jobs (user_id) VALUES (?)")) {
            insert.setString(1, "user-1");
            insert.executeUpdate();
        }
    }

    private static void count(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM jobs");
             ResultSet rows = count.executeQuery()) {
            rows.next();
        }
    }

    private static void perClassDatabase(PostgresServer server, DatabaseTemplate template, String location) {
        long[] handOut = handOuts(template, 30);
        long[] migrate = new long[5];
        for (int i = 0; i < migrate.length; i++) {
            migrate[i] = migrateFresh(server, "pgtestkit_bench_migrate_" + i, location);
        }
        long[] freshServer = new long[3];
        for (int i = 0; i < freshServer.length; i++) {
            long start = System.nanoTime();
            try (PostgresServer fresh = PostgresProvider.embedded().start()) {
                migrateInto(fresh.dataSource(fresh.adminDatabase()), location);
            }
            freshServer[i] = System.nanoTime() - start;
        }
        double h = Stats.median(handOut);
        System.out.printf("%nper-class database (%d tables over %d migrations):%n", BenchSchema.TABLES,
                BenchSchema.VERSIONS);
        System.out.printf("  warm pool hand-out           median %8.2f ms  p95 %8.2f ms  (n=%d)%n", Stats.ms(h),
                Stats.ms(Stats.percentile(handOut, 95)), handOut.length);
        System.out.printf("  re-running the migrations    median %8.2f ms  = %.0fx the hand-out  (n=%d)%n",
                Stats.ms(Stats.median(migrate)), Stats.median(migrate) / h, migrate.length);
        System.out.printf("  fresh embedded server + migrations  median %8.1f ms  = %.0fx the hand-out  (n=%d)%n",
                Stats.ms(Stats.median(freshServer)), Stats.median(freshServer) / h, freshServer.length);
    }

    private static long[] handOuts(DatabaseTemplate template, int n) {
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            awaitWarm(template);
            long start = System.nanoTime();
            DisposableDatabase database = template.checkout();
            samples[i] = System.nanoTime() - start;
            database.close();
        }
        return samples;
    }

    private static long migrateFresh(PostgresServer server, String name, String location) {
        server.dropDatabase(name);
        long start = System.nanoTime();
        server.createDatabase(name, null);
        migrateInto(server.dataSource(name), location);
        long elapsed = System.nanoTime() - start;
        server.dropDatabase(name);
        return elapsed;
    }

    private static void migrateInto(DataSource dataSource, String location) {
        Flyway.configure().dataSource(dataSource).locations(location)
                .loggers("slf4j").load().migrate();
    }

    private static void awaitWarm(DatabaseTemplate template) {
        while (template.warmClones() < 2) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    @FunctionalInterface
    private interface Regime {
        void runTest() throws SQLException;
    }
}

package dev.pgtestkit.bench.template;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.internal.ClonePool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Databases per test, steady state, as a user gets them: {@link SteadyStateTests} classes of
 * {@value SteadyStateTests#REPETITIONS} fast tests run back to back by the JUnit platform launcher: two with
 * {@code @PgTest(isolation = DATABASE_PER_TEST)} (a clone of a 20-table template per test), whose tests only read
 * ({@code DatabasePerTest}: the pool hands the unchanged clones out again on PostgreSQL 15+) or also insert a row
 * ({@code DatabasePerTestWriting}: every clone is dropped and replaced), and one sharing the class's database (the
 * baseline). Each round runs all three (order rotating); before each per-test class, the harness waits until the
 * pool is back to its configured stock (idle), so the first tests of a class show the warm hand-out and the later ones the
 * steady state once that stock is gone. After each measured round, the writing class's baseline: clones of the same
 * template made and dropped with plain SQL ({@link CloneCycles}), the server's floor for a database per writing test.
 * Round 1 is the warm-up (template build, class loading) and is not counted.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.template.SteadyStateBenchmark [-Dexec.args=ROUNDS]</pre>
 */
public final class SteadyStateBenchmark {

    /** The first tests of a class run: the pool's configured stock (2) covers them. */
    private static final int WARM = 2;
    /** Tests from this index on are the steady state: well past the stock, however far the pool grew (16 at most). */
    private static final int STEADY_FROM = 20;
    /** Sessions of the clone-cycle baseline: as many as the pool has clone makers. */
    private static final int FLOOR_SESSIONS = ClonePool.makerThreads();

    private SteadyStateBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        PostgresServer server = PostgresProvider.auto().shared();
        System.out.println("server: " + server.description() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        Launcher launcher = LauncherFactory.create();
        Map<Class<?>, List<long[]>> waits = new LinkedHashMap<>();
        Map<Class<?>, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> floors = new LinkedHashMap<>();
        List<Class<?>> classes = List.of(SteadyStateTests.DatabasePerTest.class,
                SteadyStateTests.DatabasePerTestWriting.class, SteadyStateTests.SharedDatabase.class);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < classes.size(); i++) {
                Class<?> testClass = classes.get((i + round) % classes.size());
                if (testClass != SteadyStateTests.SharedDatabase.class && round > 0) {
                    awaitIdlePool(server);
                }
                SteadyStateTests.WaitTimer.WAITS.clear();
                double seconds = run(launcher, testClass);
                long[] classWaits = SteadyStateTests.WaitTimer.WAITS.stream().mapToLong(Long::longValue).toArray();
                if (round > 0) {
                    waits.computeIfAbsent(testClass, c -> new ArrayList<>()).add(classWaits);
                    rates.computeIfAbsent(testClass, c -> new ArrayList<>()).add(classWaits.length / seconds);
                }
            }
            if (round > 0) {
                measureFloor(server, floors, round);
            }
        }
        report(waits, rates, rounds - 1);
        reportFloor(floors, rates.get(SteadyStateTests.DatabasePerTestWriting.class));
    }

    /**
     * The baseline of the writing class: clone-and-drop cycles per second with plain SQL, on as many sessions as the
     * pool has clone makers, for the server's default strategy and (PostgreSQL 15+) each explicit one.
     */
    private static void measureFloor(PostgresServer server, Map<String, List<Double>> floors, int round)
            throws InterruptedException {
        String template = awaitIdlePool(server).name();
        List<String> strategies = server.versionNum() >= 150000 ? Arrays.asList(null, "FILE_COPY", "WAL_LOG")
                : Arrays.asList((String) null);
        Collections.rotate(strategies, round); // each goes first in turn: the first after an idle pool is favoured
        for (String strategy : strategies) {
            double perSecond = CloneCycles.perSecond(server, template, strategy, SteadyStateTests.REPETITIONS,
                    FLOOR_SESSIONS);
            floors.computeIfAbsent(strategy == null ? "server default" : strategy, s -> new ArrayList<>())
                    .add(perSecond);
        }
    }

    private static void reportFloor(Map<String, List<Double>> floors, List<Double> writingRates) {
        double writing = writingRates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf("baseline for DatabasePerTestWriting: CREATE DATABASE + DROP DATABASE cycles/s, %d at a"
                + " time, %d per round (writing tests ran %.1f/s)%n", FLOOR_SESSIONS, SteadyStateTests.REPETITIONS,
                writing);
        floors.forEach((strategy, perSecond) -> {
            double[] values = perSecond.stream().mapToDouble(Double::doubleValue).toArray();
            double mean = Arrays.stream(values).average().orElse(Double.NaN);
            System.out.printf("  %-15s mean %6.1f/s (rounds: %s), writing tests at %.0f%% of it%n", strategy, mean,
                    Arrays.toString(Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray()),
                    100 * writing / mean);
        });
    }

    /** Waits past the pool's idle time, so it shrank back to its configured stock, and until that stock is ready. */
    private static DatabaseTemplate awaitIdlePool(PostgresServer server) throws InterruptedException {
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(SteadyStateTests.MIGRATIONS)
                .build(); // the extension's JVM-wide instance (same server, migrations and pool size)
        Thread.sleep(8_000);
        while (template.warmClones() < WARM) {
            Thread.sleep(10);
        }
        return template;
    }

    /** Runs the class; returns seconds from the first test's start to the last test's end. */
    private static double run(Launcher launcher, Class<?> testClass) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] span = {Long.MAX_VALUE, 0};
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier test) {
                        if (test.isTest()) {
                            span[0] = Math.min(span[0], System.nanoTime());
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest()) {
                            span[1] = System.nanoTime();
                        }
                        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            failure.compareAndSet(null, result.getThrowable().orElse(new AssertionError(
                                    test.getDisplayName() + " " + result.getStatus())));
                        }
                    }
                });
        if (failure.get() != null) {
            throw new IllegalStateException(testClass.getSimpleName() + " failed", failure.get());
        }
        return (span[1] - span[0]) / 1e9;
    }

    private static void report(Map<Class<?>, List<long[]>> waits, Map<Class<?>, List<Double>> rates, int rounds) {
        System.out.printf("%d measured rounds x %d tests per class; wait = extension's beforeEach (database "
                + "hand-out included), ms%n", rounds, SteadyStateTests.REPETITIONS);
        System.out.printf("%-22s %9s | %8s %8s %8s | %9s | %8s %8s %8s%n", "class", "tests/s", "mean", "median", "p95",
                "warm mean", "steady", "median", "p95");
        for (Map.Entry<Class<?>, List<long[]>> entry : waits.entrySet()) {
            long[] all = entry.getValue().stream().flatMapToLong(Arrays::stream).toArray();
            long[] warm = entry.getValue().stream().flatMapToLong(w -> Arrays.stream(w, 0, WARM)).toArray();
            long[] steady = entry.getValue().stream().flatMapToLong(w -> Arrays.stream(w, STEADY_FROM, w.length))
                    .toArray();
            double rate = rates.get(entry.getKey()).stream().mapToDouble(Double::doubleValue).average().orElse(0);
            System.out.printf("%-22s %9.1f | %8.3f %8.3f %8.3f | %9.3f | %8.3f %8.3f %8.3f%n",
                    entry.getKey().getSimpleName(), rate, ms(mean(all)), ms(Stats.median(all)),
                    ms(Stats.percentile(all, 95)), ms(mean(warm)), ms(mean(steady)), ms(Stats.median(steady)),
                    ms(Stats.percentile(steady, 95)));
        }
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double ms(double nanos) {
        return Stats.ms(nanos);
    }
}

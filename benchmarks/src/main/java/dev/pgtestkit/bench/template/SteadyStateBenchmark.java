package dev.pgtestkit.bench.template;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.util.ArrayList;
import java.util.Arrays;
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
 * steady state once that stock is gone. Round 1 is the warm-up (template build, class loading) and is not counted.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.template.SteadyStateBenchmark [-Dexec.args=ROUNDS]</pre>
 */
public final class SteadyStateBenchmark {

    /** The first tests of a class run: the pool's configured stock (2) covers them. */
    private static final int WARM = 2;
    /** Tests from this index on are the steady state: well past the stock, however far the pool grew (16 at most). */
    private static final int STEADY_FROM = 20;

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
        }
        report(waits, rates, rounds - 1);
    }

    /** Waits past the pool's idle time, so it shrank back to its configured stock, and until that stock is ready. */
    private static void awaitIdlePool(PostgresServer server) throws InterruptedException {
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(SteadyStateTests.MIGRATIONS)
                .build(); // the extension's JVM-wide instance (same server, migrations and pool size)
        Thread.sleep(8_000);
        while (template.warmClones() < WARM) {
            Thread.sleep(10);
        }
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

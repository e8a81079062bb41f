package dev.pgtestkit.bench.e2e;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.pgtestkit.bench.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code @WithTransaction} end to end, as a user runs it: test classes executed by the JUnit platform launcher with
 * the extension as shipped and its default dependencies (the query logger on the class path), against the best
 * bare test a user could write, run by the same launcher in the same JVM. Each round runs every class once, in an
 * order rotated per round; a test's time is from JUnit's start of the test to its end (the extension's callbacks
 * included, class set-up not). Round 1 is the warm-up and is not counted.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.e2e.LauncherBenchmark [-Dexec.args=ROUNDS]</pre>
 */
public final class LauncherBenchmark {

    private static final Map<String, Class<?>> CLASSES = new LinkedHashMap<>();
    /** Also compared with the baseline that runs the deferred check a COMMIT would (the bare ROLLBACK skips it). */
    private static final String DEFERRED = "@WithTransaction, deferrable FK";
    private static final String DEFERRED_CHECKED = "bare, deferrable FK checked (baseline 4)";

    static {
        CLASSES.put("bare BEGIN; ROLLBACK (baseline)", E2eTests.BarePlainTest.class);
        CLASSES.put("@PgTest @WithTransaction (defaults)", E2eTests.WithTransactionTest.class);
        CLASSES.put("bare, database per test (baseline 2)", E2eTests.BarePerTestDatabaseTest.class);
        CLASSES.put("@WithTransaction, DATABASE_PER_TEST", E2eTests.WithTransactionPerTestDatabaseTest.class);
        CLASSES.put("bare, deferrable FK (baseline 3)", E2eTests.BareDeferredTest.class);
        CLASSES.put(DEFERRED, E2eTests.WithTransactionDeferredTest.class);
        CLASSES.put(DEFERRED_CHECKED, E2eTests.BareDeferredCheckedTest.class);
    }

    private LauncherBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Launcher launcher = LauncherFactory.create();
        List<String> names = new ArrayList<>(CLASSES.keySet());
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        names.forEach(name -> samples.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                long[] times = run(launcher, CLASSES.get(name));
                if (round > 0) {
                    Arrays.stream(times).forEach(samples.get(name)::add);
                }
            }
        }
        report(samples, rounds - 1);
    }

    /** Runs one test class; returns each test's time in nanoseconds; fails on any failed test. */
    private static long[] run(Launcher launcher, Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build();
        TestTimes times = new TestTimes();
        launcher.execute(request, times);
        if (times.failure != null) {
            throw new IllegalStateException(testClass.getSimpleName() + " failed", times.failure);
        }
        return times.durations.stream().mapToLong(Long::longValue).toArray();
    }

    private static void report(Map<String, List<Long>> samples, int rounds) {
        System.out.printf("%d measured rounds x %d tests per class (%d with DATABASE_PER_TEST; JUnit launcher, one JVM;"
                + " query logger %s)%n", rounds, E2eTests.REPETITIONS, E2eTests.PER_TEST_REPETITIONS,
                queryLoggerPresent() ? "on the class path" : "NOT on the class path");
        System.out.printf("%-40s %10s %10s %10s %8s %8s%n", "class", "mean µs", "median µs", "p95 µs", "mean x",
                "median x");
        long[] baseline = null;
        for (Map.Entry<String, List<Long>> entry : samples.entrySet()) {
            long[] values = longs(entry.getValue());
            if (entry.getKey().startsWith("bare")) {
                baseline = values;
            }
            line(entry.getKey(), values, baseline);
        }
        line(DEFERRED + " vs 4", longs(samples.get(DEFERRED)), longs(samples.get(DEFERRED_CHECKED)));
    }

    private static void line(String name, long[] values, long[] baseline) {
        System.out.printf("%-40s %10.0f %10.0f %10.0f %8.2f %8.2f%n", name, mean(values) / 1e3,
                Stats.median(values) / 1e3, Stats.percentile(values, 95) / 1e3, mean(values) / mean(baseline),
                Stats.median(values) / Stats.median(baseline));
    }

    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean queryLoggerPresent() {
        try {
            Class.forName("dev.pgtestkit.querylog.QueryLogger", false, LauncherBenchmark.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Start-to-end time of every test (not container) JUnit runs. */
    private static final class TestTimes implements TestExecutionListener {
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final List<Long> durations = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile Throwable failure;

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                started.put(test.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                durations.add(System.nanoTime() - started.remove(test.getUniqueId()));
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && failure == null) {
                failure = result.getThrowable().orElse(new AssertionError(test.getDisplayName() + " "
                        + result.getStatus()));
            }
        }
    }
}

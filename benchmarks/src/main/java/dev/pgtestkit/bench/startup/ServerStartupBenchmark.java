package dev.pgtestkit.bench.startup;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Time from "I need a server" to a first successful query: a fresh embedded PostgreSQL
 * ({@code PostgresProvider.embedded().start()}) vs a fresh Testcontainers container
 * ({@code PostgresProvider.testcontainers()}, image {@code PGTESTKIT_IMAGE}, default here {@code pgtestkit/postgres:15}
 * built by {@code .ci/docker/setup.sh}) vs, as the baseline, connecting to an already-running server
 * ({@code PGTESTKIT_BASELINE_URL}, default the machine's server on 127.0.0.1:5432). The three are measured in turn in
 * every round of one run so that machine load hits them alike; the first round of each is reported on its own
 * (class loading, binary extraction, Docker client set-up happen once per JVM), the medians come from the others.
 * A contender that cannot start (no Docker engine, no server) is reported as skipped with the reason.
 *
 * <pre>
 * TESTCONTAINERS_RYUK_DISABLED=true ./mvnw -q -pl benchmarks exec:java \
 *     -Dexec.mainClass=dev.pgtestkit.bench.startup.ServerStartupBenchmark -Dexec.args=8
 * </pre>
 */
public final class ServerStartupBenchmark {

    static final String DEFAULT_IMAGE = "pgtestkit/postgres:15";
    static final String DEFAULT_BASELINE_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final int DEFAULT_ROUNDS = 6;

    private ServerStartupBenchmark() {
    }

    /** One way of getting a server, and its timings in milliseconds-worth of nanoseconds. */
    static final class Contender {
        final String label;
        final Supplier<PostgresProvider> provider;
        final List<Long> untilQuery = new ArrayList<>();
        final List<Long> closing = new ArrayList<>();
        String description = "";
        String skippedBecause;

        Contender(String label, Supplier<PostgresProvider> provider) {
            this.label = label;
            this.provider = provider;
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
        if (rounds < 2) {
            throw new IllegalArgumentException("rounds must be at least 2 (the first is reported apart), got "
                    + rounds);
        }
        List<Contender> contenders = List.of(
                new Contender("existing server (baseline)", () -> PostgresProvider.url(baselineUrl())),
                new Contender("embedded", () -> PostgresProvider.embedded().withKeptData(false)),
                new Contender("testcontainers", () -> PostgresProvider.testcontainers().withImage(image())));
        for (int round = 0; round < rounds; round++) {
            for (Contender contender : contenders) {
                measure(contender);
            }
        }
        report(contenders, rounds);
    }

    static String baselineUrl() {
        return setting("pgtestkit.baseline.url", "PGTESTKIT_BASELINE_URL").orElse(DEFAULT_BASELINE_URL);
    }

    static String image() {
        return setting("pgtestkit.image", "PGTESTKIT_IMAGE").orElse(DEFAULT_IMAGE);
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property, System.getenv(env));
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** Starts, runs a first query, closes; once a contender fails it is skipped for the rest of the run. */
    static void measure(Contender contender) {
        if (contender.skippedBecause != null) {
            return;
        }
        PostgresServer server = null;
        try {
            long start = System.nanoTime();
            server = contender.provider.get().start();
            firstQuery(server);
            long queried = System.nanoTime();
            contender.description = server.description();
            server.close();
            contender.closing.add(System.nanoTime() - queried);
            contender.untilQuery.add(queried - start);
        } catch (RuntimeException e) {
            contender.skippedBecause = rootMessage(e);
            if (server != null) {
                server.close();
            }
        }
    }

    private static void firstQuery(PostgresServer server) {
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new IllegalStateException("SELECT 1 did not return 1 on " + server.description());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("first query failed on " + server.description() + ": " + e.getMessage(),
                    e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void report(List<Contender> contenders, int rounds) {
        System.out.printf("%nServer start-up, time to a first successful query (%d rounds, medians of rounds 2..%d)%n",
                rounds, rounds);
        System.out.printf("%-28s %10s %10s %10s %10s %10s  %s%n", "", "1st (ms)", "median", "min", "max",
                "close", "server");
        for (Contender c : contenders) {
            if (c.untilQuery.size() < 2) {
                System.out.printf("%-28s skipped: %s%n", c.label,
                        c.skippedBecause == null ? "fewer than 2 rounds" : c.skippedBecause);
                continue;
            }
            long[] later = laterRounds(c.untilQuery);
            System.out.printf("%-28s %10.1f %10.1f %10.1f %10.1f %10.1f  %s%n", c.label,
                    Stats.ms(c.untilQuery.get(0)), Stats.ms(Stats.median(later)), Stats.ms(min(later)),
                    Stats.ms(max(later)), Stats.ms(Stats.median(laterRounds(c.closing))), c.description);
        }
        reportRatios(contenders);
    }

    private static void reportRatios(List<Contender> contenders) {
        Contender baseline = contenders.get(0);
        for (Contender c : contenders.subList(1, contenders.size())) {
            if (c.untilQuery.size() >= 2 && baseline.untilQuery.size() >= 2) {
                System.out.printf("%s / baseline = %.0fx%n", c.label, median(c) / median(baseline));
            }
        }
        Contender embedded = contenders.get(1);
        Contender containers = contenders.get(2);
        if (embedded.untilQuery.size() >= 2 && containers.untilQuery.size() >= 2) {
            System.out.printf("testcontainers / embedded = %.2fx%n", median(containers) / median(embedded));
        }
    }

    private static double median(Contender c) {
        return Stats.median(laterRounds(c.untilQuery));
    }

    private static long[] laterRounds(List<Long> samples) {
        return samples.subList(1, samples.size()).stream().mapToLong(Long::longValue).toArray();
    }

    private static long min(long[] samples) {
        return Arrays.stream(samples).min().orElse(0);
    }

    private static long max(long[] samples) {
        return Arrays.stream(samples).max().orElse(0);
    }
}

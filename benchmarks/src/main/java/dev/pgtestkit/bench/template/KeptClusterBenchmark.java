package dev.pgtestkit.bench.template;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.EmbeddedProvider;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A suite's next run on the embedded server: time from "I need a server" to a template ready to clone, with the
 * cluster kept across runs (the default) against a fresh cluster per run (the baseline: what every run did before
 * clusters were kept). Both contenders use TemplateBenchmark's 40-table schema and a base directory of their own,
 * and take turns within each round (the order alternates) so machine load hits them alike; every round starts a
 * server, builds (or finds) the template and stops the server, as one test JVM does. Round 1 is reported apart: the
 * kept contender builds its template there (a first run), later rounds find it.
 *
 * <pre>
 * ./mvnw -B -o -q -pl benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp benchmarks/target/classes:$(cat /tmp/cp.txt) dev.pgtestkit.bench.template.KeptClusterBenchmark 8
 * </pre>
 */
public final class KeptClusterBenchmark {

    private KeptClusterBenchmark() {
    }

    /** One way of getting a server and its template, and its timings (nanoseconds). */
    private static final class Contender {
        final String label;
        final EmbeddedProvider provider;
        final List<long[]> rounds = new ArrayList<>(); // {start, template, total}
        final List<Boolean> built = new ArrayList<>();

        Contender(String label, EmbeddedProvider provider) {
            this.label = label;
            this.provider = provider;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Path migrations = TemplateBenchmark.writeMigrations(40, 8);
        // Base directories directly under the temp directory: as root, the server runs as nobody, who must reach them.
        Path freshBase = Files.createTempDirectory("pgtestkit-bench-fresh");
        Path keptBase = Files.createTempDirectory("pgtestkit-bench-kept");
        try {
            List<Contender> contenders = List.of(
                    new Contender("fresh cluster per run (baseline)", PostgresProvider.embedded()
                            .withBaseDirectory(freshBase).withKeptData(false)),
                    new Contender("kept cluster (default)", PostgresProvider.embedded().withBaseDirectory(keptBase)));
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < contenders.size(); i++) {
                    measure(contenders.get((round + i) % contenders.size()), migrations);
                }
            }
            report(contenders);
        } finally {
            delete(freshBase);
            delete(keptBase);
        }
    }

    private static void measure(Contender contender, Path migrations) {
        long t0 = System.nanoTime();
        try (PostgresServer server = contender.provider.start()) {
            long t1 = System.nanoTime();
            DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations("filesystem:" + migrations)
                    .poolSize(0).build();
            long t2 = System.nanoTime();
            contender.rounds.add(new long[] {t1 - t0, t2 - t1, t2 - t0});
            contender.built.add(template.wasBuiltHere());
        }
    }

    private static void report(List<Contender> contenders) {
        System.out.printf("%nServer and template ready, embedded PostgreSQL (%d rounds; statistics of rounds 2..n)%n",
                contenders.get(0).rounds.size());
        System.out.printf("%-34s %9s %9s %9s %9s %13s %9s  %s%n", "", "1st (ms)", "median", "mean", "p95",
                "template med", "start med", "template built in rounds");
        for (Contender c : contenders) {
            long[] total = column(c, 2);
            System.out.printf("%-34s %9.1f %9.1f %9.1f %9.1f %13.1f %9.1f  %s%n", c.label,
                    Stats.ms(c.rounds.get(0)[2]), Stats.ms(Stats.median(total)), Stats.ms(mean(total)),
                    Stats.ms(Stats.percentile(total, 95)), Stats.ms(Stats.median(column(c, 1))),
                    Stats.ms(Stats.median(column(c, 0))), c.built);
        }
        double baseline = Stats.median(column(contenders.get(0), 2));
        double kept = Stats.median(column(contenders.get(1), 2));
        System.out.printf("fresh / kept (medians of server + template): %.2fx%n", baseline / kept);
    }

    private static long[] column(Contender c, int index) {
        return c.rounds.stream().skip(1).mapToLong(r -> r[index]).toArray();
    }

    private static double mean(long[] samples) {
        return Arrays.stream(samples).average().orElse(Double.NaN);
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

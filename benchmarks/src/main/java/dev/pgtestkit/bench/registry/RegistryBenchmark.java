package dev.pgtestkit.bench.registry;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.SchemaRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Loading a 1,000-table schema: {@link SchemaRegistry} (seven catalog queries) against the best loaders a user could
 * write on JDBC {@code DatabaseMetaData} ({@link MetaDataLoader}): schema-wide {@code getTables}, {@code getColumns},
 * {@code getPrimaryKeys} and {@code getImportedKeys}, and {@code getIndexInfo} per table (JDBC's contract asks for a
 * table name, and PgJDBC answers a null one with no rows). Same database, same connection, same run; each round runs
 * both in an order that alternates from round to round, after a warm-up; mean, median and p95 and the ratio of the
 * medians.
 * SchemaCrawler is not among the peers: it is not in the package lists this build may resolve from.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.registry.RegistryBenchmark</pre>
 *
 * Optional arguments: table count (default 1000), measured iterations (default 7).
 */
public final class RegistryBenchmark {

    private static final int WARM_UP = 2;
    private static final List<String> NAMES = List.of("SchemaRegistry.load",
            "DatabaseMetaData, schema-wide calls");

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        PostgresServer server = PostgresProvider.auto().shared();
        System.out.println("server: " + server.description());
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            long start = System.nanoTime();
            int foreignKeys = WideSchema.create(c, tables);
            System.out.printf("generated %d tables, %d foreign keys in %.1f s%n", tables, foreignKeys,
                    (System.nanoTime() - start) / 1e9);
            verifySameSchema(c, tables, foreignKeys);
            report(measure(c, iterations));
        }
    }

    /** Every loader must see every table, foreign key and index, or the comparison means nothing. */
    private static void verifySameSchema(Connection c, int tables, int foreignKeys) throws SQLException {
        SchemaRegistry registry = SchemaRegistry.load(c);
        int registryKeys = registry.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum();
        String counts = "registry " + registry.tables().size() + " tables/" + registryKeys + " FKs";
        if (registry.tables().size() != tables || registryKeys != foreignKeys) {
            throw new IllegalStateException("registry disagrees: " + counts);
        }
        long indexRows = -1;
        for (boolean schemaWide : new boolean[] {false}) {
            List<MetaDataLoader.TableInfo> baseline = MetaDataLoader.load(c, "public", schemaWide);
            int baselineKeys = baseline.stream().mapToInt(t -> t.foreignKeys().size()).sum();
            long rows = baseline.stream().mapToLong(t -> t.indexes().size()).sum();
            if (baseline.size() != tables || baselineKeys != foreignKeys || (indexRows >= 0 && rows != indexRows)) {
                throw new IllegalStateException("loaders disagree: " + counts + ", DatabaseMetaData (schema-wide"
                        + " indexes " + schemaWide + ") " + baseline.size() + "/" + baselineKeys + ", index rows "
                        + rows + " vs " + indexRows);
            }
            indexRows = rows;
        }
        int columns = registry.tables().stream().mapToInt(t -> t.columns().size()).sum();
        System.out.printf("all loaders see %d tables, %d columns, %d foreign keys, %d index columns (registry: %d"
                + " catalog queries; DatabaseMetaData: %d calls)%n", tables, columns,
                foreignKeys, indexRows, registry.catalogQueryCount(), 4 + tables);
    }

    /** Rounds rotate which loader goes first, so none always runs on another's warmed caches. */
    private static long[][] measure(Connection c, int iterations) throws SQLException {
        long[][] samples = new long[NAMES.size()][iterations];
        for (int i = -WARM_UP; i < iterations; i++) {
            int[] sizes = new int[NAMES.size()];
            Timed[] loaders = {
                () -> sizes[0] = SchemaRegistry.load(c).tables().size(),
                () -> sizes[1] = MetaDataLoader.load(c, "public", false).size()};
            long[] times = new long[loaders.length];
            for (int k = 0; k < loaders.length; k++) {
                int l = Math.floorMod(k + i, loaders.length);
                times[l] = loaders[l].time();
            }
            if (sizes[0] != sizes[1]) {
                throw new IllegalStateException("table counts differ: " + java.util.Arrays.toString(sizes));
            }
            if (i >= 0) {
                for (int l = 0; l < loaders.length; l++) {
                    samples[l][i] = times[l];
                }
            }
        }
        return samples;
    }

    @FunctionalInterface
    private interface Timed {
        void run() throws SQLException;

        default long time() throws SQLException {
            long start = System.nanoTime();
            run();
            return System.nanoTime() - start;
        }
    }

    private static void report(long[][] samples) {
        double registry = Stats.median(samples[0]);
        for (int l = 0; l < samples.length; l++) {
            double mean = java.util.Arrays.stream(samples[l]).average().orElse(Double.NaN);
            double median = Stats.median(samples[l]);
            System.out.printf(java.util.Locale.ROOT, "%-42s mean %8.1f ms, median %8.1f ms, p95 %8.1f ms"
                    + " (min %.1f, n=%d); median / registry's = %.2fx%n", NAMES.get(l), Stats.ms(mean),
                    Stats.ms(median), Stats.ms(Stats.percentile(samples[l], 95)),
                    Stats.ms(Stats.percentile(samples[l], 0)), samples[l].length, median / registry);
        }
    }
}

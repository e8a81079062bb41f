package dev.pgtestkit.bench.registry;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loading a 1,000-table schema: {@link SchemaRegistry} (seven catalog queries) against a loader built on JDBC
 * {@code DatabaseMetaData} (four calls per table), same database, same connection, same run. Each round runs
 * both, the first one alternating, after a warm-up; medians and their ratio are reported.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.registry.RegistryBenchmark</pre>
 *
 * Optional arguments: table count (default 1000), measured iterations (default 7).
 */
public final class RegistryBenchmark {

    private static final int WARM_UP = 2;

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

    /** Both loaders must see every table and foreign key, or the comparison means nothing. */
    private static void verifySameSchema(Connection c, int tables, int foreignKeys) throws SQLException {
        SchemaRegistry registry = SchemaRegistry.load(c);
        List<MetaDataLoader.TableInfo> baseline = MetaDataLoader.load(c, "public");
        int registryKeys = registry.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum();
        int baselineKeys = baseline.stream().mapToInt(t -> t.foreignKeys().size()).sum();
        if (registry.tables().size() != tables || baseline.size() != tables || registryKeys != foreignKeys
                || baselineKeys != foreignKeys) {
            throw new IllegalStateException("loaders disagree: registry " + registry.tables().size() + " tables/"
                    + registryKeys + " FKs, DatabaseMetaData " + baseline.size() + "/" + baselineKeys);
        }
        int columns = registry.tables().stream().mapToInt(t -> t.columns().size()).sum();
        System.out.printf("both loaders see %d tables, %d columns, %d foreign keys (registry: %d catalog queries;"
                + " DatabaseMetaData: %d calls)%n", tables, columns, foreignKeys, registry.catalogQueryCount(),
                1 + 4 * tables);
    }

    /** Rounds alternate which loader goes first, so neither always runs on the other's warmed caches. */
    private static long[][] measure(Connection c, int iterations) throws SQLException {
        long[] registry = new long[iterations];
        long[] metaData = new long[iterations];
        for (int i = -WARM_UP; i < iterations; i++) {
            List<Table> loaded = new ArrayList<>();
            List<MetaDataLoader.TableInfo> baseline = new ArrayList<>();
            Timed registryRound = () -> loaded.addAll(SchemaRegistry.load(c).tables());
            Timed metaDataRound = () -> baseline.addAll(MetaDataLoader.load(c, "public"));
            long registryTime;
            long metaDataTime;
            if (Math.floorMod(i, 2) == 0) {
                registryTime = registryRound.time();
                metaDataTime = metaDataRound.time();
            } else {
                metaDataTime = metaDataRound.time();
                registryTime = registryRound.time();
            }
            if (loaded.size() != baseline.size()) {
                throw new IllegalStateException("table counts differ: " + loaded.size() + " vs " + baseline.size());
            }
            if (i >= 0) {
                registry[i] = registryTime;
                metaData[i] = metaDataTime;
            }
        }
        return new long[][] {registry, metaData};
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
        double metaData = Stats.median(samples[1]);
        System.out.printf("SchemaRegistry.load:        median %8.1f ms (min %.1f, max %.1f, n=%d)%n", Stats.ms(registry),
                Stats.ms(Stats.percentile(samples[0], 0)), Stats.ms(Stats.percentile(samples[0], 100)),
                samples[0].length);
        System.out.printf("DatabaseMetaData loader:    median %8.1f ms (min %.1f, max %.1f, n=%d)%n", Stats.ms(metaData),
                Stats.ms(Stats.percentile(samples[1], 0)), Stats.ms(Stats.percentile(samples[1], 100)),
                samples[1].length);
        System.out.printf("DatabaseMetaData / SchemaRegistry = %.1fx%n", metaData / registry);
    }
}

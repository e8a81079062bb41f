package dev.pgtestkit.bench.registry;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.SchemaRegistry;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import schemacrawler.schema.Catalog;

/**
 * Loading a 1,000-table schema: {@link SchemaRegistry} (seven catalog queries) against the best loaders a user could
 * write on JDBC {@code DatabaseMetaData} ({@link MetaDataLoader}): schema-wide {@code getTables}, {@code getColumns},
 * {@code getPrimaryKeys} and {@code getImportedKeys}, and {@code getIndexInfo} per table (JDBC's contract asks for a
 * table name, and PgJDBC answers a null one with no rows). Same database, same connection, same run; each round runs
 * all in an order that rotates from round to round, after a warm-up; mean, median and p95 and the ratio of the
 * medians.
 * The third loader is SchemaCrawler ({@link SchemaCrawlerLoader}), the library a user would pick, limited to the
 * schema and to tables, columns, primary keys, foreign keys and indexes, handed the same connection.
 * Before timing, all three must see the same numbers of tables, columns, primary key columns, foreign keys and
 * index columns.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.registry.RegistryBenchmark</pre>
 *
 * Optional arguments: table count (default 1000), measured iterations (default 7), {@code fresh} to give every load
 * a new session (opened before its timing starts): what a user's first load on a database gets, with the server's
 * per-session catalog caches cold, rather than the warm caches of a session that has loaded the schema before.
 */
public final class RegistryBenchmark {

    private static final int WARM_UP = 2;
    private static final List<String> NAMES = List.of("SchemaRegistry.load",
            "DatabaseMetaData, schema-wide calls", "SchemaCrawler.getCatalog");

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        boolean fresh = args.length > 2 && args[2].equals("fresh");
        PostgresServer server = PostgresProvider.auto().shared();
        System.out.println("server: " + server.description());
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            long start = System.nanoTime();
            int foreignKeys = WideSchema.create(c, tables);
            System.out.printf("generated %d tables, %d foreign keys in %.1f s%n", tables, foreignKeys,
                    (System.nanoTime() - start) / 1e9);
            verifySameSchema(c, tables, foreignKeys);
            System.out.println(fresh ? "each load on a new session (cold catalog caches)"
                    : "every load on the same session (warm catalog caches)");
            report(measure(fresh ? db::connect : () -> c, fresh, iterations));
        }
    }

    /** What a loader saw: every loader must see the same, or the comparison means nothing. */
    record Counts(int tables, long columns, long primaryKeyColumns, long foreignKeys, long indexColumns) {

        static Counts of(SchemaRegistry registry) {
            List<dev.pgtestkit.core.schema.Table> t = registry.tables();
            return new Counts(t.size(), t.stream().mapToLong(x -> x.columns().size()).sum(),
                    t.stream().mapToLong(x -> x.primaryKey() == null ? 0 : x.primaryKey().columns().size()).sum(),
                    t.stream().mapToLong(x -> x.foreignKeys().size()).sum(),
                    t.stream().flatMap(x -> x.indexes().stream()).mapToLong(i -> i.columns().size()).sum());
        }

        static Counts of(List<MetaDataLoader.TableInfo> t) {
            return new Counts(t.size(), t.stream().mapToLong(x -> x.columns().size()).sum(),
                    t.stream().mapToLong(x -> x.primaryKey().size()).sum(),
                    t.stream().mapToLong(x -> x.foreignKeys().stream().map(MetaDataLoader.ForeignKeyInfo::name)
                            .distinct().count()).sum(),
                    t.stream().mapToLong(x -> x.indexes().size()).sum());
        }

        static Counts of(Catalog catalog) {
            Collection<schemacrawler.schema.Table> t = catalog.getTables();
            return new Counts(t.size(), t.stream().mapToLong(x -> x.getColumns().size()).sum(),
                    t.stream().mapToLong(x -> x.getPrimaryKey() == null ? 0
                            : x.getPrimaryKey().getConstrainedColumns().size()).sum(),
                    t.stream().mapToLong(x -> x.getImportedForeignKeys().size()).sum(),
                    t.stream().flatMap(x -> x.getIndexes().stream()).mapToLong(i -> i.getColumns().size()).sum());
        }
    }

    private static void verifySameSchema(Connection c, int tables, int foreignKeys) throws Exception {
        SchemaRegistry registry = SchemaRegistry.load(c);
        Counts expected = Counts.of(registry);
        if (expected.tables() != tables || expected.foreignKeys() != foreignKeys) {
            throw new IllegalStateException("registry disagrees with the generated schema (" + tables + " tables, "
                    + foreignKeys + " foreign keys): " + expected);
        }
        Counts[] seen = {expected, Counts.of(MetaDataLoader.load(c, "public", false)),
            Counts.of(SchemaCrawlerLoader.load(c, "public"))};
        for (int l = 0; l < seen.length; l++) {
            System.out.printf("%-42s sees %s%n", NAMES.get(l), seen[l]);
        }
        for (int l = 1; l < seen.length; l++) {
            if (!seen[l].equals(expected)) {
                throw new IllegalStateException("loaders disagree: " + NAMES.get(l) + " sees " + seen[l]
                        + ", the registry " + expected);
            }
        }
        System.out.printf("all loaders see %d tables, %d columns, %d primary key columns, %d foreign keys, %d index"
                + " columns (registry: %d catalog queries; DatabaseMetaData: %d calls; SchemaCrawler: level %s)%n",
                tables, expected.columns(), expected.primaryKeyColumns(), foreignKeys, expected.indexColumns(),
                registry.catalogQueryCount(), 4 + tables, SchemaCrawlerLoader.LEVEL.getTag());
    }

    /**
     * Rounds rotate which loader goes first, so none always runs on another's warmed caches. With {@code fresh},
     * each load gets a session of its own, opened before and closed after its timing.
     */
    private static long[][] measure(Sessions sessions, boolean fresh, int iterations) throws Exception {
        long[][] samples = new long[NAMES.size()][iterations];
        for (int i = -WARM_UP; i < iterations; i++) {
            int[] sizes = new int[NAMES.size()];
            Timed[] loaders = {
                c -> sizes[0] = SchemaRegistry.load(c).tables().size(),
                c -> sizes[1] = MetaDataLoader.load(c, "public", false).size(),
                c -> sizes[2] = SchemaCrawlerLoader.load(c, "public").getTables().size()};
            long[] times = new long[loaders.length];
            for (int k = 0; k < loaders.length; k++) {
                int l = Math.floorMod(k + i, loaders.length);
                Connection c = sessions.open();
                try {
                    times[l] = loaders[l].time(c);
                } finally {
                    if (fresh) {
                        c.close();
                    }
                }
            }
            if (sizes[0] != sizes[1] || sizes[0] != sizes[2]) {
                throw new IllegalStateException("table counts differ (registry, DatabaseMetaData, SchemaCrawler): "
                        + java.util.Arrays.toString(sizes));
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
    private interface Sessions {
        Connection open() throws Exception;
    }

    @FunctionalInterface
    private interface Timed {
        void run(Connection c) throws Exception;

        default long time(Connection c) throws Exception {
            long start = System.nanoTime();
            run(c);
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

package dev.pgtestkit.bench.mock;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.mock.CopyFormat;
import dev.pgtestkit.mock.GeneratedRow;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.mock.internal.RowEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generation + load of a three-level chain (users → orders → order_items; primary keys, UNIQUE email, foreign
 * keys, checks), 1,000,000 rows in all, against the baseline of raw COPY of the very same rows pre-generated in
 * memory, in the same run on the same server; each measured on a fresh database (cloned before and dropped after the
 * measured window), five runs alternating which side goes first, both sides' rows compared by digest every run.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.mock.MockLoadBenchmark</pre>
 */
public final class MockLoadBenchmark {

    static final String[] SCHEMA = {
        "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(255) NOT NULL UNIQUE,"
                + " full_name varchar(120) NOT NULL, created_at timestamptz NOT NULL)",
        "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " user_id bigint NOT NULL REFERENCES users, status varchar(12) NOT NULL"
                + " CHECK (status IN ('new', 'paid', 'shipped', 'cancelled')),"
                + " total numeric(10,2) NOT NULL CHECK (total >= 0), placed_at timestamptz NOT NULL)",
        "CREATE TABLE order_items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " order_id bigint NOT NULL REFERENCES orders, sku varchar(20) NOT NULL,"
                + " quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 100),"
                + " unit_price numeric(10,2) NOT NULL CHECK (unit_price > 0))"};
    static final GenerationPlan PLAN = GenerationPlan.builder().table("users", 100_000).table("orders", 300_000)
            .table("order_items", 600_000).build();
    private static final long TOTAL = 1_000_000;
    private static final int RUNS = 5;

    private MockLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresProvider.auto().shared();
        // no clones made ahead and no drops in the background: nothing runs beside a measured load
        DatabaseTemplate template = DatabaseTemplate.builder(server).poolSize(0).build();
        System.out.println("server: " + server.description() + "; cores: " + Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        Map<String, byte[]> pregenerated = pregenerate(template);
        System.out.printf("generation alone (offline stream, 1 thread, encoded in memory): %,.0f rows/s; %,d bytes%n",
                TOTAL / ((System.nanoTime() - t0) / 1e9), pregenerated.values().stream().mapToLong(b -> b.length).sum());
        compare("foreign keys checked per row", () -> copy(template, pregenerated, false),
                () -> generate(template, false));
        compare("foreign keys dropped and re-added (validated once)", () -> copy(template, pregenerated, true),
                () -> generate(template, true));
        FakerCost.report();
    }

    /**
     * One warm-up of each, then {@link #RUNS} runs of both, alternating which goes first; every run's tables are
     * compared by digest (the two sides must have loaded identical rows). Mean, median and p95 of each side.
     */
    private static void compare(String condition, Measured raw, Measured generated) throws Exception {
        raw.run();
        generated.run();
        long[] r = new long[RUNS];
        long[] g = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            boolean rawFirst = run % 2 == 0;
            Load first = rawFirst ? raw.run() : generated.run();
            Load second = rawFirst ? generated.run() : raw.run();
            Load rawLoad = rawFirst ? first : second;
            Load genLoad = rawFirst ? second : first;
            if (!rawLoad.digest().equals(genLoad.digest())) {
                throw new IllegalStateException(condition + ", run " + (run + 1) + ": raw COPY and the generator"
                        + " loaded different rows:\n" + rawLoad.digest() + "\n" + genLoad.digest());
            }
            r[run] = rawLoad.nanos();
            g[run] = genLoad.nanos();
            System.out.printf("  %s, run %d (%s first): raw COPY %.0f ms, generate + load %.0f ms, ratio %.0f%%,"
                    + " same rows%n", condition, run + 1, rawFirst ? "raw COPY" : "generator", Stats.ms(r[run]),
                    Stats.ms(g[run]), 100.0 * r[run] / g[run]);
        }
        System.out.printf("%s (%d runs): raw COPY mean %.0f / median %.0f / p95 %.0f ms (median %,.0f rows/s);"
                + " generation + load mean %.0f / median %.0f / p95 %.0f ms (median %,.0f rows/s);"
                + " ratio of means %.0f%%, of medians %.0f%% (target >= 90%%)%n", condition, RUNS,
                Stats.ms(mean(r)), Stats.ms(Stats.median(r)), Stats.ms(Stats.percentile(r, 95)),
                TOTAL / (Stats.median(r) / 1e9), Stats.ms(mean(g)), Stats.ms(Stats.median(g)),
                Stats.ms(Stats.percentile(g, 95)), TOTAL / (Stats.median(g) / 1e9), 100 * mean(r) / mean(g),
                100 * Stats.median(r) / Stats.median(g));
    }

    private static double mean(long[] samples) {
        return Arrays.stream(samples).average().orElse(Double.NaN);
    }

    /** One load: how long it took, and a digest of the rows it left. */
    private record Load(long nanos, String digest) {
    }

    @FunctionalInterface
    private interface Measured {
        Load run() throws Exception;
    }

    /** The same rows the generator will load, encoded for COPY, by the generator's offline stream (same seed). */
    private static Map<String, byte[]> pregenerate(DatabaseTemplate template) throws Exception {
        try (DisposableDatabase db = template.checkout()) {
            createSchema(db);
            MockDataGenerator offline = MockDataGenerator.builder(SchemaRegistry.load(db.dataSource())).seed(1)
                    .build();
            Map<String, StringBuilder> text = new LinkedHashMap<>();
            RowEncoder encoder = new RowEncoder(CopyFormat.TEXT);
            offline.stream(PLAN).forEach(row -> encode(row, text, encoder));
            Map<String, byte[]> out = new LinkedHashMap<>();
            text.forEach((table, sb) -> out.put(table, sb.toString().getBytes(StandardCharsets.UTF_8)));
            return out;
        }
    }

    private static void encode(GeneratedRow row, Map<String, StringBuilder> text, RowEncoder encoder) {
        String key = row.table().quoted() + " (" + String.join(", ", row.columns().stream()
                .map(c -> "\"" + c + "\"").toList()) + ")";
        encoder.append(text.computeIfAbsent(key, k -> new StringBuilder()), row.values().toArray(), null);
    }

    /** Raw COPY of the pre-generated bytes, one transaction, foreign keys dropped first if asked. */
    private static Load copy(DatabaseTemplate template, Map<String, byte[]> data, boolean dropForeignKeys)
            throws Exception {
        DisposableDatabase db = template.checkout();
        long nanos;
        try {
            createSchema(db);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                long start = System.nanoTime();
                if (dropForeignKeys) {
                    s.execute("ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey");
                    s.execute("ALTER TABLE order_items DROP CONSTRAINT order_items_order_id_fkey");
                }
                for (Map.Entry<String, byte[]> e : data.entrySet()) {
                    var in = copy.copyIn("COPY " + e.getKey() + " FROM STDIN");
                    for (int off = 0; off < e.getValue().length; off += 1 << 20) {
                        in.writeToCopy(e.getValue(), off, Math.min(1 << 20, e.getValue().length - off));
                    }
                    in.endCopy();
                }
                if (dropForeignKeys) {
                    s.execute("ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id)"
                            + " REFERENCES users(id)");
                    s.execute("ALTER TABLE order_items ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY"
                            + " (order_id) REFERENCES orders(id)");
                }
                c.commit();
                nanos = System.nanoTime() - start;
            }
            return new Load(nanos, digest(db));
        } finally {
            drop(db);
        }
    }

    /** Reading the schema, generation and COPY by the generator (one transaction). */
    private static Load generate(DatabaseTemplate template, boolean deferForeignKeys) throws Exception {
        DisposableDatabase db = template.checkout();
        try {
            createSchema(db);
            long start = System.nanoTime();
            MockDataGenerator.builder(db.dataSource()).seed(1).allowDeferredForeignKeyChecks(deferForeignKeys).build()
                    .generate(PLAN);
            long nanos = System.nanoTime() - start;
            return new Load(nanos, digest(db));
        } finally {
            drop(db);
        }
    }

    /** Per table, an md5 over the md5 of every row in key order (outside the measured window). */
    private static String digest(DisposableDatabase db) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : new String[] {"users", "orders", "order_items"}) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), md5(string_agg(md5(t::text), '' ORDER BY t.id))"
                        + " FROM " + table + " t")) {
                    rs.next();
                    sb.append(table).append(' ').append(rs.getLong(1)).append(' ').append(rs.getString(2)).append("; ");
                }
            }
        }
        return sb.toString();
    }

    /** Drops the database and waits until it is gone, so no drop overlaps the next measured load. */
    private static void drop(DisposableDatabase db) {
        db.close();
        while (db.server().databases(db.name()).contains(db.name())) {
            LockSupport.parkNanos(10_000_000);
        }
    }

    static void createSchema(DisposableDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }
}

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
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generation + load of a three-level chain (users → orders → order_items; primary keys, UNIQUE email, foreign
 * keys, checks), 1,000,000 rows in all, against the baseline of raw COPY of the very same rows pre-generated in
 * memory, in the same run on the same server; each measured on a fresh database, alternating, median of runs.
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
    private static final int RUNS = 3;

    private MockLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresProvider.auto().shared();
        DatabaseTemplate template = DatabaseTemplate.empty(server);
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

    /** One warm-up of each, then {@link #RUNS} alternating runs; medians and their ratio. */
    private static void compare(String condition, Measured raw, Measured generated) throws Exception {
        raw.nanos();
        generated.nanos();
        long[] r = new long[RUNS];
        long[] g = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            r[run] = raw.nanos();
            g[run] = generated.nanos();
            System.out.printf("  %s, run %d: raw COPY %.0f ms, generate + load %.0f ms%n", condition, run + 1,
                    Stats.ms(r[run]), Stats.ms(g[run]));
        }
        double rawRate = TOTAL / (Stats.median(r) / 1e9);
        double genRate = TOTAL / (Stats.median(g) / 1e9);
        System.out.printf("%s: raw COPY %,.0f rows/s, generation + load %,.0f rows/s, ratio %.0f%% (target >= 80%%)%n",
                condition, rawRate, genRate, 100 * genRate / rawRate);
    }

    @FunctionalInterface
    private interface Measured {
        long nanos() throws Exception;
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

    /** Raw COPY of the pre-generated bytes, one transaction, foreign keys dropped first if asked; nanoseconds. */
    private static long copy(DatabaseTemplate template, Map<String, byte[]> data, boolean dropForeignKeys)
            throws Exception {
        try (DisposableDatabase db = template.checkout()) {
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
                return System.nanoTime() - start;
            }
        }
    }

    /** Reading the schema, generation and COPY by the generator (one transaction); nanoseconds. */
    private static long generate(DatabaseTemplate template, boolean deferForeignKeys) throws Exception {
        try (DisposableDatabase db = template.checkout()) {
            createSchema(db);
            long start = System.nanoTime();
            MockDataGenerator.builder(db.dataSource()).seed(1).allowDeferredForeignKeyChecks(deferForeignKeys).build()
                    .generate(PLAN);
            return System.nanoTime() - start;
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

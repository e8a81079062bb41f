package dev.pgtestkit.mock;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.internal.CompiledPlan;
import dev.pgtestkit.mock.internal.DatabaseLoader;
import dev.pgtestkit.mock.internal.DatabaseState;
import dev.pgtestkit.mock.internal.JdbcDatabaseState;
import dev.pgtestkit.mock.internal.OfflineOutput;
import dev.pgtestkit.mock.internal.Rng;
import dev.pgtestkit.mock.internal.SchemaView;
import dev.pgtestkit.mock.internal.TableGenerator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Fills any Postgres schema with realistic rows that satisfy its constraints by construction: types, NOT NULL,
 * lengths, numeric ranges, CHECKs, unique and composite unique keys, foreign keys (parents first, cycles broken),
 * identity and generated columns. The same seed gives the same rows on every run and any thread count.
 *
 * <pre>{@code
 * MockDataGenerator gen = MockDataGenerator.builder(dataSource).seed(42).build();
 * Map<String, Object> user = gen.generateRow("public", "users");             // one row, not written
 * gen.generateRelated("public", "users", Map.of("posts", ChildCount.of(3))); // a user and 3 posts, written
 * GenerationResult r = gen.generate(GenerationPlan.builder()
 *         .table("users", 10_000)
 *         .table("orders", t -> t.perParent(ChildCount.between(0, 5).via("user_id")))
 *         .build());                                                          // COPY, one transaction
 * }</pre>
 *
 * Thread-safe; build one per schema version (the schema is read once, at {@link Builder#build()}).
 */
public final class MockDataGenerator {

    private final DataSource dataSource;
    private final SchemaRegistry registry;
    private final SchemaView view;
    private final CompiledPlan.Shared shared;
    private final int threads;
    private final int chunkRows;
    private final CopyFormat format;
    private final boolean deferForeignKeys;
    private final ProgressListener progress;
    private final Map<String, Long> rowCounters = new ConcurrentHashMap<>();

    private MockDataGenerator(Builder b, SchemaRegistry registry) {
        this.dataSource = b.dataSource;
        this.registry = registry;
        this.view = SchemaView.of(registry);
        this.shared = CompiledPlan.Shared.of(b.seed, b.locale);
        this.threads = b.threads;
        this.chunkRows = b.chunkRows;
        this.format = b.format;
        this.deferForeignKeys = b.deferForeignKeys;
        this.progress = b.progress;
    }

    /** A generator that writes to this database (its schema is read at {@link Builder#build()}). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /** A generator without a database: {@link #stream}, {@link #writeCsv}, {@link #writeSql}, {@link #generateRow}. */
    public static Builder builder(SchemaRegistry registry) {
        return new Builder(null, Objects.requireNonNull(registry, "registry"));
    }

    public SchemaRegistry registry() {
        return registry;
    }

    /**
     * One row for a table, not written; each call returns the next row of the same deterministic sequence.
     * Foreign keys point at existing rows when the table's parents have some, otherwise at parent rows that
     * a plan would generate (and which do not exist).
     */
    public Map<String, Object> generateRow(String schema, String table) {
        Table t = lookup(schema, table);
        long index = rowCounters.merge(t.name().toString(), 1L, Long::sum) - 1;
        GenerationPlan plan = GenerationPlan.builder().table(t.name().toString(), index + 1).build();
        return withState(db -> {
            CompiledPlan compiled = CompiledPlan.compile(plan, view, db, shared);
            TableGenerator g = compiled.tables().stream().filter(x -> x.table().name().equals(t.name()))
                    .findFirst().orElseThrow();
            Object[] values = g.generate(index, g.newBuffer(), new Rng(), 0);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int p = 0; p < values.length; p++) {
                row.put(g.columnNames().get(p), values[p]);
            }
            return Collections.unmodifiableMap(row);
        });
    }

    /** One parent row and its children, written (the seed's {@code generate_related_rows}); rows are kept. */
    public GenerationResult generateRelated(String schema, String table, Map<String, ChildCount> children) {
        return generateRelated(schema, table, 1, children);
    }

    /** {@code parents} parent rows, each with children per {@code children} (child table → count), written. */
    public GenerationResult generateRelated(String schema, String table, long parents,
                                            Map<String, ChildCount> children) {
        Table parent = lookup(schema, table);
        GenerationPlan.Builder plan = GenerationPlan.builder().keepRows(true).table(parent.name().toString(), parents);
        for (Map.Entry<String, ChildCount> e : new LinkedHashMap<>(children).entrySet()) {
            Table child = lookup(e.getKey().contains(".") ? null : schema, e.getKey());
            plan.table(child.name().toString(), t -> t.perParent(parent.name().toString(), e.getValue()));
        }
        return generate(plan.build());
    }

    /**
     * Generates and writes a plan in one transaction with COPY, streaming while later rows are generated. Every
     * problem detectable up front (unknown names, unsatisfiable checks, counts beyond a unique key, unbreakable
     * cycles) is raised before anything is written; any later failure rolls everything back.
     *
     * @throws GenerationException for a plan the schema cannot satisfy
     * @throws dev.pgtestkit.core.QueryException when the server rejects the rows (with its constraint)
     */
    public GenerationResult generate(GenerationPlan plan) {
        Connection c = connect();
        try (c) {
            c.setAutoCommit(false);
            try {
                CompiledPlan compiled = CompiledPlan.compile(plan, view, new JdbcDatabaseState(c), shared);
                GenerationResult result = DatabaseLoader.load(compiled, c, dataSource,
                        new DatabaseLoader.Settings(format, threads, chunkRows, deferForeignKeys), progress);
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new PgTestkitException("Generation failed and was rolled back: " + e.getMessage(), e);
        }
    }

    /** Rolls back after a failure; a failing rollback is attached to the original failure, never replaces it. */
    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The plan's rows without writing them, parents first (server-only checks are not verified). */
    public Stream<GeneratedRow> stream(GenerationPlan plan) {
        return OfflineOutput.stream(withState(db -> CompiledPlan.compile(plan, view, db, shared)));
    }

    /** One {@code <schema>.<table>.csv} per table (with a header) in {@code directory}. */
    public void writeCsv(GenerationPlan plan, Path directory) {
        OfflineOutput.writeCsv(withState(db -> CompiledPlan.compile(plan, view, db, shared)), directory,
                threads, chunkRows);
    }

    /** A SQL script (one transaction of INSERTs, cycle UPDATEs and setval calls) that loads the plan's rows. */
    public void writeSql(GenerationPlan plan, Path file) {
        OfflineOutput.writeSql(withState(db -> CompiledPlan.compile(plan, view, db, shared)), file,
                threads, chunkRows);
    }

    private Table lookup(String schema, String table) {
        return schema == null ? registry.table(table) : registry.table(schema, table);
    }

    /** Runs with the database's state when there is a database (read-only), else offline. */
    private <T> T withState(Function<DatabaseState, T> work) {
        if (dataSource == null) {
            return work.apply(DatabaseState.OFFLINE);
        }
        try (Connection c = connect()) {
            c.setReadOnly(true);
            return work.apply(new JdbcDatabaseState(c));
        } catch (SQLException e) {
            throw new ConnectionException("Cannot read the database state: " + e.getMessage(), e);
        }
    }

    private Connection connect() {
        if (dataSource == null) {
            throw new IllegalStateException("This generator has no database (built from a SchemaRegistry): use"
                    + " stream, writeCsv or writeSql, or build it with MockDataGenerator.builder(dataSource).");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConnectionException("Cannot connect to generate rows: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Settings; all optional. */
    public static final class Builder {
        private final DataSource dataSource;
        private final SchemaRegistry registry;
        private long seed;
        private Locale locale = Locale.ENGLISH;
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int chunkRows = 4096;
        private CopyFormat format = CopyFormat.TEXT;
        private boolean deferForeignKeys;
        private ProgressListener progress = ProgressListener.NONE;
        private SchemaRegistry preloaded;

        private Builder(DataSource dataSource, SchemaRegistry registry) {
            this.dataSource = dataSource;
            this.registry = registry;
        }

        /** The seed every value derives from (default 0): same seed, same rows. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Datafaker locale for names, addresses... (default English). */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** Generator threads (default: cores, at most 4). Output does not depend on it. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Rows per generated and streamed batch (default 4096). */
        public Builder chunkRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("chunkRows must be at least 1, got " + rows);
            }
            this.chunkRows = rows;
            return this;
        }

        /** COPY and file format (default TEXT; CSV for {@link #writeCsv} regardless). */
        public Builder copyFormat(CopyFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Allow dropping the plan tables' foreign keys during a load and re-adding (validating) them after, in the
         * same transaction (default false). Faster for big loads; only for disposable databases, as it takes
         * exclusive locks and needs table ownership.
         */
        public Builder allowDeferredForeignKeyChecks(boolean allow) {
            this.deferForeignKeys = allow;
            return this;
        }

        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Use an already loaded registry of the database instead of reading the schema again. */
        public Builder registry(SchemaRegistry loaded) {
            this.preloaded = Objects.requireNonNull(loaded, "loaded");
            return this;
        }

        public MockDataGenerator build() {
            SchemaRegistry r = registry != null ? registry : preloaded;
            if (r == null) {
                r = SchemaRegistry.load(dataSource);
            }
            return new MockDataGenerator(this, r);
        }
    }
}

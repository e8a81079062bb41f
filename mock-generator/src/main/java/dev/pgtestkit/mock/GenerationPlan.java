package dev.pgtestkit.mock;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which tables to fill and how: {@code GenerationPlan.builder().table("users", 1000).table("orders",
 * t -> t.perParent(ChildCount.between(0, 5).via("user_id"))).build()}. Tables are generated parents first
 * whatever the order here. A table the plan does not name is not written: foreign keys to it use its existing
 * rows, unless it has none and a NOT NULL foreign key needs it, then it gets {@link Builder#parentRows} rows.
 * Immutable.
 */
public final class GenerationPlan {

    /** Migration tools' bookkeeping tables: never filled by {@link Builder#allTables}. */
    public static final Set<String> MIGRATION_TABLES = Set.of("flyway_schema_history", "databasechangelog",
            "databasechangeloglock", "schema_migrations", "alembic_version", "__diesel_schema_migrations",
            "knex_migrations", "knex_migrations_lock", "ar_internal_metadata");

    private final List<TablePlan> tables;
    private final Set<String> excluded;
    private final Long allTablesRows;
    private final long parentRows;
    private final boolean keepRows;

    private GenerationPlan(Builder b) {
        this.tables = List.copyOf(b.tables.values());
        this.excluded = Set.copyOf(b.excluded);
        this.allTablesRows = b.allTablesRows;
        this.parentRows = b.parentRows;
        this.keepRows = b.keepRows;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tables named, in the order given. */
    public List<TablePlan> tables() {
        return tables;
    }

    /**
     * Tables {@link Builder#allTables} leaves out, as given ({@code schema.table} or a name); the
     * {@link #MIGRATION_TABLES} are always left out.
     */
    public Set<String> excluded() {
        return excluded;
    }

    /** Rows for every table of the schema not named in the plan, or {@code null} when only named tables count. */
    public Long allTablesRows() {
        return allTablesRows;
    }

    /** Rows given to a required parent table that is neither in the plan nor has rows. */
    public long parentRows() {
        return parentRows;
    }

    /** Whether the result keeps every generated row (for small plans: {@code generateRelated} uses it). */
    public boolean keepRows() {
        return keepRows;
    }

    public static final class Builder {
        private final Map<String, TablePlan> tables = new LinkedHashMap<>();
        private final Set<String> excluded = new LinkedHashSet<>();
        private Long allTablesRows;
        private long parentRows = 10;
        private boolean keepRows;

        private Builder() {
        }

        /** {@code rows} rows for a table (name as in the schema; {@code schema.table} when ambiguous). */
        public Builder table(String table, long rows) {
            return table(table, rows, t -> {
            });
        }

        /** A table configured by {@code spec} (starting from 0 rows). */
        public Builder table(String table, Consumer<TablePlan.Builder> spec) {
            return table(table, 0, spec);
        }

        public Builder table(String table, long rows, Consumer<TablePlan.Builder> spec) {
            Objects.requireNonNull(table, "table");
            TablePlan.Builder b = new TablePlan.Builder(table, rows);
            spec.accept(b);
            tables.put(table, b.build());
            return this;
        }

        /** Leave these tables out of {@link #allTables} (names as in the schema, {@code schema.table} allowed). */
        public Builder exclude(String... tableNames) {
            excluded.addAll(List.of(tableNames));
            return this;
        }

        /**
         * Every table of the loaded schemas gets {@code rows} rows unless named with its own count, except
         * {@link #exclude excluded} tables, migration bookkeeping tables ({@link #MIGRATION_TABLES}) and
         * partitions (their partitioned table is filled).
         */
        public Builder allTables(long rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("row count must not be negative: " + rows);
            }
            this.allTablesRows = rows;
            return this;
        }

        /** Rows for required parents outside the plan that have no rows (default 10). */
        public Builder parentRows(long rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("parent rows must be at least 1: " + rows);
            }
            this.parentRows = rows;
            return this;
        }

        /** Keep every generated row in the result (default false: keys only). */
        public Builder keepRows(boolean keep) {
            this.keepRows = keep;
            return this;
        }

        public GenerationPlan build() {
            if (tables.isEmpty() && allTablesRows == null) {
                throw new IllegalArgumentException("the plan names no table: add table(...) or allTables(...)");
            }
            return new GenerationPlan(this);
        }
    }
}

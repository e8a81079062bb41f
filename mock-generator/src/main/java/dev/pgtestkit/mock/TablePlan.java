package dev.pgtestkit.mock;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to generate for one table: a row count (or a count per parent row), column overrides, null fractions,
 * how foreign keys pick parents. Immutable; built through {@link GenerationPlan.Builder#table}.
 */
public final class TablePlan {

    private final String table;
    private final long rows;
    private final String parentTable;
    private final ChildCount perParent;
    private final Map<String, ColumnOverride> overrides;
    private final Map<String, Double> nullFractions;
    private final Map<String, ParentDistribution> distributions;
    private final boolean reuseExistingRows;

    private TablePlan(Builder b) {
        this.table = b.table;
        this.rows = b.rows;
        this.parentTable = b.parentTable;
        this.perParent = b.perParent;
        this.overrides = Map.copyOf(b.overrides);
        this.nullFractions = Map.copyOf(b.nullFractions);
        this.distributions = Map.copyOf(b.distributions);
        this.reuseExistingRows = b.reuseExistingRows;
    }

    /** The table name as given (resolved forgivingly against the schema, {@code schema.table} allowed). */
    public String table() {
        return table;
    }

    /** Rows to generate; ignored when {@link #perParent()} is set. */
    public long rows() {
        return rows;
    }

    /** Parent table of a per-parent count, or {@code null} (then the count's foreign key column decides). */
    public String parentTable() {
        return parentTable;
    }

    /** Children per parent row, or {@code null} for a plain row count. */
    public ChildCount perParent() {
        return perParent;
    }

    public Map<String, ColumnOverride> overrides() {
        return overrides;
    }

    public Map<String, Double> nullFractions() {
        return nullFractions;
    }

    /** Parent distribution per foreign key column (or constraint name). */
    public Map<String, ParentDistribution> distributions() {
        return distributions;
    }

    /** Whether foreign keys to this table may also point at rows that were in the database before. */
    public boolean reuseExistingRows() {
        return reuseExistingRows;
    }

    /** Configures one table; defaults: no overrides, null fraction from the column name (10% usually). */
    public static final class Builder {
        private final String table;
        private long rows;
        private String parentTable;
        private ChildCount perParent;
        private final Map<String, ColumnOverride> overrides = new LinkedHashMap<>();
        private final Map<String, Double> nullFractions = new LinkedHashMap<>();
        private final Map<String, ParentDistribution> distributions = new LinkedHashMap<>();
        private boolean reuseExistingRows;

        Builder(String table, long rows) {
            this.table = table;
            this.rows = rows;
        }

        /** Rows to generate (0 or more). */
        public Builder rows(long count) {
            this.rows = count;
            return this;
        }

        /** A count per row of the parent table instead of a total (the seed's generate_related_rows). */
        public Builder perParent(String parentTable, ChildCount count) {
            this.parentTable = parentTable;
            this.perParent = Objects.requireNonNull(count, "count");
            return this;
        }

        /** A count per parent row through the count's {@link ChildCount#fkColumn() foreign key column}. */
        public Builder perParent(ChildCount count) {
            return perParent(null, count);
        }

        public Builder column(String column, ColumnOverride override) {
            overrides.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(override, "override"));
            return this;
        }

        /** Share of NULLs (0..1) for a nullable column. */
        public Builder nullFraction(String column, double fraction) {
            nullFractions.put(Objects.requireNonNull(column, "column"), fraction);
            return this;
        }

        /** How the foreign key on {@code fkColumnOrConstraint} picks parents (uniform by default). */
        public Builder parents(String fkColumnOrConstraint, ParentDistribution distribution) {
            distributions.put(Objects.requireNonNull(fkColumnOrConstraint, "fkColumnOrConstraint"),
                    Objects.requireNonNull(distribution, "distribution"));
            return this;
        }

        /** Let children point at this table's pre-existing rows too (default: only at the rows generated now). */
        public Builder reuseExistingRows(boolean reuse) {
            this.reuseExistingRows = reuse;
            return this;
        }

        TablePlan build() {
            if (rows < 0) {
                throw new IllegalArgumentException("row count of " + table + " must not be negative: " + rows);
            }
            nullFractions.forEach((column, f) -> {
                if (!(f >= 0 && f <= 1)) {
                    throw new IllegalArgumentException("null fraction of " + table + "." + column
                            + " must be between 0 and 1, got " + f);
                }
            });
            return new TablePlan(this);
        }
    }
}

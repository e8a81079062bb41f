package dev.pgtestkit.mock.internal;

/**
 * The sources of a table's non-key columns for one choice of check alternatives, in generation order (a
 * column bounded by another comes after it).
 */
final class Variant {

    private final boolean feasible;
    private final int[] order;
    private final ValueSource[] sources;
    private final int[] nulledKeys;

    /**
     * @param nulledKeys key columns (filled before the variant) this choice of alternatives makes NULL: the
     *                   unused references of an exclusive arc
     */
    Variant(boolean feasible, int[] order, ValueSource[] sources, int[] nulledKeys) {
        this.feasible = feasible;
        this.order = order;
        this.sources = sources;
        this.nulledKeys = nulledKeys;
    }

    /** Whether {@link #fill} overwrites key columns, which must be filled again before another attempt. */
    boolean nullsKeys() {
        return nulledKeys.length > 0;
    }

    boolean feasible() {
        return feasible;
    }

    /** Fills this variant's columns; false when a source found no value for this row. */
    boolean fill(RowBuffer row, long rowSeed, int attempt, Rng rng) {
        Object[] values = row.values;
        for (int p : nulledKeys) {
            values[p] = null;
        }
        for (int p : order) {
            long seed = Hash.of(rowSeed, p, attempt);
            rng.reset(seed);
            row.column(rng, seed);
            Object v = sources[p].next(rng, row);
            if (v == ValueSource.INFEASIBLE) {
                return false;
            }
            values[p] = v;
        }
        return true;
    }

    /** Clears this variant's columns before another attempt. */
    void clear(RowBuffer row) {
        for (int p : order) {
            row.values[p] = null;
        }
    }
}

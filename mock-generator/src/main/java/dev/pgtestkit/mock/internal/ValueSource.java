package dev.pgtestkit.mock.internal;

/**
 * Produces one column's value for the row being built. Must depend only on {@code rng} (reseeded for this
 * row, column and attempt) and on values already in {@code row}: that is what keeps output deterministic.
 */
@FunctionalInterface
public interface ValueSource {

    /** Returned when no value can meet this row's bounds (e.g. a bound from another column is empty). */
    Object INFEASIBLE = new Object() {
        @Override
        public String toString() {
            return "<infeasible>";
        }
    };

    Object next(Rng rng, RowBuffer row);
}

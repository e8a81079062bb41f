package dev.pgtestkit.querylog;

import java.util.Objects;

/**
 * The plan of a slow statement, from {@code EXPLAIN (FORMAT JSON)} on a separate connection (never
 * {@code ANALYZE}: the statement is not run again), or why there is none.
 *
 * @param json    the server's JSON plan, or null when unavailable
 * @param mode    how the plan was obtained, or null when unavailable
 * @param summary one line: top node, relation and estimates
 *                (e.g. {@code Seq Scan on users (cost=0.00..35.50 rows=2550)}),
 *                or the reason the plan is unavailable
 */
public record QueryPlan(String json, Mode mode, String summary) {

    /** How the plan was obtained. */
    public enum Mode {
        /** {@code EXPLAIN (GENERIC_PLAN)}: PostgreSQL 16+, parameters left as {@code $n}. */
        GENERIC,
        /** The captured parameter values bound to the EXPLAIN (PostgreSQL before 16, or no generic plan possible). */
        BOUND_VALUES,
        /** The statement had no parameters. */
        NO_PARAMETERS
    }

    public QueryPlan {
        Objects.requireNonNull(summary, "summary");
    }

    public static QueryPlan unavailable(String reason) {
        return new QueryPlan(null, null, reason);
    }

    public boolean isAvailable() {
        return json != null;
    }

    @Override
    public String toString() {
        return isAvailable() ? summary + " [" + mode + "]" : "no plan: " + summary;
    }
}

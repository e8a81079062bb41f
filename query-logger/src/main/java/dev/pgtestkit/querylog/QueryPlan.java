package dev.pgtestkit.querylog;

import java.util.Objects;

/**
 * The plan of a slow statement, from {@code EXPLAIN (FORMAT JSON)} on a separate connection, or on the statement's
 * own session when its table is one only that session sees (never {@code ANALYZE}: the statement is not run again),
 * or why there is none.
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
        NO_PARAMETERS,
        /**
         * A generic plan ({@code $n} left in it) made on the statement's own session, inside a subtransaction rolled
         * back at once: for a temporary table or one created in a transaction not yet committed, which no other
         * connection sees.
         */
        GENERIC_ON_SESSION
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

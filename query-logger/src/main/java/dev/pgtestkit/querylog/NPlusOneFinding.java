package dev.pgtestkit.querylog;

import java.util.Objects;

/**
 * The same SELECT run again and again from one place with different parameters, instead of once for all rows.
 *
 * @param normalizedSql        the repeated statement
 * @param callSite             where the application ran it
 * @param executions           how many times (not batched)
 * @param distinctParameters   how many different parameter sets; -1 when parameters were not captured
 * @param totalNanos           their total duration
 * @param exampleSql           one execution's SQL (secret constants redacted)
 */
public record NPlusOneFinding(String normalizedSql, CallSite callSite, int executions, int distinctParameters,
        long totalNanos, String exampleSql) {

    public NPlusOneFinding {
        Objects.requireNonNull(normalizedSql, "normalizedSql");
        Objects.requireNonNull(callSite, "callSite");
    }

    /** One line naming the statement, the call site and the fix. */
    public String describe() {
        String params = distinctParameters < 0 ? "" : " with " + distinctParameters + " different parameter sets";
        return String.format(java.util.Locale.ROOT,
                "N+1: %s ran %d times%s at %s (%.1f ms). Load all rows in one query (JOIN or IN/ANY) or batch it.",
                normalizedSql, executions, params, callSite, totalNanos / 1e6);
    }

    @Override
    public String toString() {
        return describe();
    }
}

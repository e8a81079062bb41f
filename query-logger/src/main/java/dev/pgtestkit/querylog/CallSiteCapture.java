package dev.pgtestkit.querylog;

/**
 * When the logger walks the stack to find an execution's {@link CallSite}. A stack walk costs a few microseconds,
 * a large share of a fast statement's round trip, hence the default.
 */
public enum CallSiteCapture {
    /** Every execution. */
    ALWAYS,
    /**
     * Every execution while a scope is open (tests, where N+1 detection needs it); otherwise the first 64
     * executions of each SQL string and then one in 8, the others reusing the last call site seen for that SQL
     * (marked {@link QueryEvent#callSiteInferred()}).
     */
    SAMPLED,
    /** Never: no call sites, no N+1 findings. */
    OFF
}

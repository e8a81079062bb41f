package dev.pgtestkit.core.tx.internal;

/**
 * Where a window of the commit check begins: what began then (for the message), the rows committed in the database's
 * tables so far, the server's clock ({@code clock_timestamp()} as text) and how often its tables had been analyzed.
 */
record CommitWindow(String since, long commits, String at, long analyses) {

    static CommitWindow of(String since, BatchResults reading) {
        return new CommitWindow(since, reading.commits, reading.at, reading.analyses);
    }

    /**
     * The rows others committed between this window's start and the reading; 0 also when a table was analyzed
     * meanwhile (the analysis reset its count, so nothing can be told).
     */
    long committedUntil(BatchResults now) {
        return now.analyses != analyses ? 0 : Math.max(0, now.commits - commits);
    }
}

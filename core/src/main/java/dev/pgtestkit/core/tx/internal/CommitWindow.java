package dev.pgtestkit.core.tx.internal;

/**
 * Where a window of the commit check begins: what began then (for the message), the database's commit counter, the
 * server's clock ({@code clock_timestamp()} as text), whether autovacuum was at work on the database, the sessions
 * established on it, the sessions pgtestkit had opened on it, and whether a session of someone else was on it.
 */
record CommitWindow(String since, long commits, String at, boolean autovacuum, long sessions, long ownOpened,
                    boolean othersPresent) {

    static CommitWindow of(String since, BatchResults reading) {
        return new CommitWindow(since, reading.commits, reading.at, reading.autovacuum, reading.sessions,
                reading.ownOpenedBefore, !reading.unsettled.isEmpty());
    }

    /**
     * Whether someone other than pgtestkit may have committed between this window's start and the reading: a session
     * of others was on the database at either end, or more sessions were established than pgtestkit opened (at
     * most). Otherwise what moved the counter was a background worker (autovacuum's visits commit too).
     */
    boolean othersMayHaveCommitted(BatchResults now) {
        return othersPresent || !now.unsettled.isEmpty()
                || now.sessions - sessions > now.ownAttemptsAfter - ownOpened;
    }
}

package dev.pgtestkit.core.tx.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The commit counter of one database as the last test on it left it, so that commits between two tests are blamed on
 * the earlier test, not on the next one; and the sessions of others that outlived a full wait for them to exit (open
 * sessions: the check does not wait for them again). One per database; thread-safe.
 */
public final class CommitWatch {

    private final Set<Integer> stayed = new HashSet<>();
    private final AtomicLong sessionAttempts = new AtomicLong();
    private final AtomicLong sessionsOpened = new AtomicLong();
    private CommitWindow lastEnd;

    /** The end of a test: the counter, the server's clock and autovacuum's presence then. */
    synchronized void ended(String test, BatchResults reading) {
        lastEnd = CommitWindow.of("test " + test + " ended", reading);
    }

    /**
     * The window since the last test ended, when the counter moved since: {@code null} when it did not, or when no
     * test has ended since the last {@link #forget()}.
     */
    synchronized CommitWindow movedSince(long commits) {
        return lastEnd == null || commits <= lastEnd.commits() ? null : lastEnd;
    }

    /**
     * The DataSource, counting the sessions it opens as pgtestkit's own (pinned ones, or ones for plans), so the check
     * can tell sessions others established from these.
     */
    public DataSource counted(DataSource dataSource) {
        return new CountedDataSource(dataSource, sessionAttempts, sessionsOpened);
    }

    /** Sessions of pgtestkit's own on the database whose opening has ended. */
    long sessionsOpened() {
        return sessionsOpened.get();
    }

    /** Sessions of pgtestkit's own on the database whose opening has begun. */
    long sessionAttempts() {
        return sessionAttempts.get();
    }

    /** Whether any of the sessions is not known to stay open: then it may be exiting, and the check waits for it. */
    synchronized boolean waitsFor(Set<Integer> sessions) {
        return !stayed.containsAll(sessions);
    }

    /** The sessions still there after a full wait: open ones. Those gone meanwhile are forgotten. */
    synchronized void stayed(Set<Integer> sessions) {
        stayed.clear();
        stayed.addAll(sessions);
    }

    /**
     * Forgets the last reading: the counter may move before the next test for reasons the check must not blame on a
     * test (a test without a transaction ran on the database).
     */
    public synchronized void forget() {
        lastEnd = null;
    }
}

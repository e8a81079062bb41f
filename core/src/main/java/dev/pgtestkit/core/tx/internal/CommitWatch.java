package dev.pgtestkit.core.tx.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The commit check's reading of one database as the last test on it left it, so that commits between two tests are blamed on
 * the earlier test, not on the next one; and the sessions of others that outlived a full wait for them to exit (open
 * sessions: the check does not wait for them again). One per database; thread-safe.
 */
public final class CommitWatch {

    private final Set<Integer> stayed = new HashSet<>();
    private CommitWindow lastEnd;

    /** The end of a test: the reading then. */
    synchronized void ended(String test, BatchResults reading) {
        lastEnd = CommitWindow.of("test " + test + " ended", reading);
    }

    /**
     * The window since the last test ended, when others committed rows since: {@code null} when they did not, or when
     * no test has ended since the last {@link #forget()}.
     */
    synchronized CommitWindow movedSince(BatchResults now) {
        return lastEnd == null || lastEnd.committedUntil(now) == 0 ? null : lastEnd;
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

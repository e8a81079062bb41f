package dev.pgtestkit.core.tx.internal;

/**
 * The commit counter of one database as the last test on it left it, so that commits between two tests (a
 * connection the earlier test closed as it ended: its backend reports its commits only when it exits) are blamed on
 * the earlier test, not on the next one. One per database; thread-safe.
 */
public final class CommitWatch {

    private long lastCommits = -1;
    private String lastTest;
    private String lastAt;

    /** The end of a test: the counter and the server's clock then. */
    synchronized void ended(String test, long commits, String at) {
        lastCommits = commits;
        lastTest = test;
        lastAt = at;
    }

    /**
     * The window since the last test ended, when the counter moved since: {@code null} when it did not, or when no
     * test has ended since the last {@link #forget()}.
     */
    synchronized CommitWindow movedSince(long commits) {
        if (lastTest == null || commits <= lastCommits) {
            return null;
        }
        return new CommitWindow("test " + lastTest + " ended", lastCommits, lastAt);
    }

    /**
     * Forgets the last reading: the counter may move before the next test for reasons the check must not blame on a
     * test (a test without a transaction ran on the database).
     */
    public synchronized void forget() {
        lastTest = null;
        lastCommits = -1;
    }
}

package dev.pgtestkit.core.tx;

import java.time.Duration;
import java.util.Objects;

/**
 * How one test transaction (or one test of a {@link TestLevel}) behaves. Immutable: each {@code with...} method
 * returns a copy. Start from {@link #defaults()}.
 */
public final class TransactionSettings {

    private static final TransactionSettings DEFAULTS = new TransactionSettings(ThreadPolicy.SERIALIZE,
            Duration.ofSeconds(30), false, true, false, IsolationLevel.DEFAULT, true);

    private final ThreadPolicy threads;
    private final Duration threadWait;
    private final boolean resetSequences;
    private final boolean detectOtherSessions;
    private final boolean statementSavepoints;
    private final IsolationLevel isolationLevel;
    private final boolean detectCommits;

    private TransactionSettings(ThreadPolicy threads, Duration threadWait, boolean resetSequences,
                                boolean detectOtherSessions, boolean statementSavepoints,
                                IsolationLevel isolationLevel, boolean detectCommits) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.threadWait = Objects.requireNonNull(threadWait, "threadWait");
        if (threadWait.isNegative() || threadWait.isZero()) {
            throw new IllegalArgumentException("threadWait must be positive, was " + threadWait);
        }
        this.resetSequences = resetSequences;
        this.detectOtherSessions = detectOtherSessions;
        this.statementSavepoints = statementSavepoints;
        this.isolationLevel = Objects.requireNonNull(isolationLevel, "isolationLevel");
        this.detectCommits = detectCommits;
    }

    /**
     * {@link ThreadPolicy#SERIALIZE}, a 30 s thread wait, sequences not reset, other sessions and their commits
     * detected, no statement savepoints, the server's default isolation level.
     */
    public static TransactionSettings defaults() {
        return DEFAULTS;
    }

    /** Use from threads other than the transaction's owner; default {@link ThreadPolicy#SERIALIZE}. */
    public ThreadPolicy threads() {
        return threads;
    }

    /** How long another thread waits for an open unit of work to end; default 30 s. */
    public Duration threadWait() {
        return threadWait;
    }

    /** Whether every sequence is put back at the end to where it was at the beginning; default false. */
    public boolean resetSequences() {
        return resetSequences;
    }

    /** Whether the end fails when another session is open on the database; default true. */
    public boolean detectOtherSessions() {
        return detectOtherSessions;
    }

    /**
     * Whether each statement runs under a savepoint of its own (PgJDBC {@code autosave=always}), so a failing one
     * does not abort the transaction; default false.
     */
    public boolean statementSavepoints() {
        return statementSavepoints;
    }

    /**
     * The isolation level the transaction begins at; default {@link IsolationLevel#DEFAULT}. Connections of the
     * transaction report it, accept a request for it or a weaker level, and refuse a stronger one.
     */
    public IsolationLevel isolationLevel() {
        return isolationLevel;
    }

    /**
     * Whether the end fails when other sessions committed transactions on the database while the test ran (its
     * commit counter moved; PostgreSQL 15 and later); default true. Unlike {@link #detectOtherSessions()}, this finds
     * a connection that bypassed the test's DataSource, committed and was closed before the test ended.
     */
    public boolean detectCommits() {
        return detectCommits;
    }

    /** A copy that does (or does not) fail a test during which other sessions committed. */
    public TransactionSettings withDetectCommits(boolean detect) {
        return new TransactionSettings(threads, threadWait, resetSequences, detectOtherSessions, statementSavepoints,
                isolationLevel, detect);
    }

    public TransactionSettings withThreads(ThreadPolicy policy) {
        return new TransactionSettings(policy, threadWait, resetSequences, detectOtherSessions,
                statementSavepoints, isolationLevel, detectCommits);
    }

    /** A copy with another thread wait; it must be positive ({@link IllegalArgumentException} otherwise). */
    public TransactionSettings withThreadWait(Duration wait) {
        return new TransactionSettings(threads, wait, resetSequences, detectOtherSessions,
                statementSavepoints, isolationLevel, detectCommits);
    }

    public TransactionSettings withResetSequences(boolean reset) {
        return new TransactionSettings(threads, threadWait, reset, detectOtherSessions,
                statementSavepoints, isolationLevel, detectCommits);
    }

    public TransactionSettings withDetectOtherSessions(boolean detect) {
        return new TransactionSettings(threads, threadWait, resetSequences, detect,
                statementSavepoints, isolationLevel, detectCommits);
    }

    public TransactionSettings withStatementSavepoints(boolean wrap) {
        return new TransactionSettings(threads, threadWait, resetSequences, detectOtherSessions, wrap, isolationLevel,
                detectCommits);
    }

    public TransactionSettings withIsolationLevel(IsolationLevel level) {
        return new TransactionSettings(threads, threadWait, resetSequences, detectOtherSessions, statementSavepoints,
                level, detectCommits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionSettings that && threads == that.threads
                && threadWait.equals(that.threadWait) && resetSequences == that.resetSequences
                && detectOtherSessions == that.detectOtherSessions && statementSavepoints == that.statementSavepoints
                && isolationLevel == that.isolationLevel && detectCommits == that.detectCommits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(threads, threadWait, resetSequences, detectOtherSessions, statementSavepoints,
                isolationLevel, detectCommits);
    }

    @Override
    public String toString() {
        return "TransactionSettings[threads=" + threads + ", threadWait=" + threadWait + ", resetSequences="
                + resetSequences + ", detectOtherSessions=" + detectOtherSessions + ", statementSavepoints="
                + statementSavepoints + ", isolationLevel=" + isolationLevel + ", detectCommits=" + detectCommits + "]";
    }
}

package dev.pgtestkit.core.tx.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The check for commits of other sessions on the test database: its commit counter (less the one commit each new
 * session makes as it starts) is read at the start and the end of each test, and a difference fails the test during
 * which, or after which, it happened. A session reports its commits to the counter as it exits (and when it has been
 * idle for a second), and a client's {@code close()} returns before its backend has exited: before each reading, the
 * check waits (bounded) until the other sessions that were on the database have left, so what they committed is
 * counted whatever the machine's load. Sessions still there after the wait are open ones (the other-session check
 * reports them); they are not waited for again.
 */
final class CommitCheck {

    /** How long a reading waits for other sessions to exit; those still there are open sessions. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    private static final long STEP_MILLIS = 10;

    private CommitCheck() {
    }

    /**
     * Opens the test's window after checking the time since the last window closed: the class fixtures' (since the
     * class transaction began) or the gap since the last test on the database ended. {@code reading}: the begin
     * batch's, inside the test's transaction.
     */
    static void start(PinnedConnection pinned, String test, BatchResults reading) throws SQLException {
        if (reading.commits < 0) {
            pinned.window(null);
            return;
        }
        settle(pinned, reading, true);
        CommitWindow prior = pinned.window();
        CommitWindow before = prior != null ? (reading.commits > prior.commits() ? prior : null)
                : pinned.commitWatch().movedSince(reading.commits);
        pinned.window(CommitWindow.of(test + " began", reading));
        if (before != null && committedByOthers(pinned, before, reading, true) > 0) {
            throw TransactionErrors.committedBetween(before, reading.commits - before.commits(), test,
                    pinned.database());
        }
    }

    /**
     * The end of a test's window: settles the end batch's reading, records it for the gap before the next test and
     * returns how many commits of others fall in the window (0 when autovacuum may have made them).
     */
    static long end(PinnedConnection pinned, CommitWindow window, BatchResults reading, String test,
                    boolean inTransaction) throws SQLException {
        if (window == null || reading.commits < 0) {
            return 0;
        }
        settle(pinned, reading, inTransaction);
        pinned.commitWatch().ended(test, reading);
        return committedByOthers(pinned, window, reading, inTransaction);
    }

    /**
     * The commits of others in the window up to the reading: 0 when the counter did not move, when no one but
     * pgtestkit was on the database (a background worker moved it), or when autovacuum may have.
     */
    private static long committedByOthers(PinnedConnection pinned, CommitWindow window, BatchResults now,
                                          boolean inTransaction) throws SQLException {
        long committed = now.commits - window.commits();
        return committed > 0 && window.othersMayHaveCommitted(now) && !autovacuumIn(pinned, window, now,
                inTransaction) ? committed : 0;
    }

    /**
     * Runs one of pgtestkit's calls that read the commit counter (see {@link SessionSql#COMMITS}), noting around it
     * the sessions pgtestkit opened on the database (see {@link CommitWindow#othersMayHaveCommitted}).
     */
    static BatchResults read(PinnedConnection pinned, String sql) throws SQLException {
        CommitWatch watch = pinned.commitWatch();
        long openedBefore = watch.sessionsOpened();
        BatchResults results = pinned.prepared(sql, BatchResults::run);
        results.ownOpenedBefore = openedBefore;
        results.ownAttemptsAfter = watch.sessionAttempts();
        return results;
    }

    /**
     * Waits until the sessions of others in the reading have exited (their commits are then in the counter) or are
     * known to stay open, reading again every few milliseconds; leaves the last reading in {@code reading}.
     */
    static void settle(PinnedConnection pinned, BatchResults reading, boolean inTransaction) throws SQLException {
        CommitWatch watch = pinned.commitWatch();
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (watch.waitsFor(reading.unsettled) && System.nanoTime() < deadline && pause()) {
            BatchResults again = read(pinned, SessionSql.CLEAR_ACTIVITY_SNAPSHOT + ";\n" + SessionSql.COMMITS);
            if (!inTransaction) {
                pinned.internal(statement -> statement.execute("ROLLBACK"));
            }
            reading.commits = again.commits;
            reading.at = again.at;
            reading.unsettled = again.unsettled;
            reading.autovacuum = again.autovacuum;
            reading.sessions = again.sessions;
            reading.ownOpenedBefore = again.ownOpenedBefore;
            reading.ownAttemptsAfter = again.ownAttemptsAfter;
        }
        watch.stayed(reading.unsettled);
    }

    /**
     * Whether autovacuum may have moved the counter in the window: a worker was on the database as it began or is
     * now, or it finished a table since. Asked only when the counter moved.
     */
    private static boolean autovacuumIn(PinnedConnection pinned, CommitWindow window, BatchResults now,
                                        boolean inTransaction) throws SQLException {
        if (window.autovacuum() || now.autovacuum) {
            return true;
        }
        return pinned.internal(statement -> {
            statement.execute(SessionSql.CLEAR_ACTIVITY_SNAPSHOT);
            boolean found;
            try (PreparedStatement query = pinned.physical().prepareStatement(SessionSql.AUTOVACUUM_SINCE)) {
                query.setString(1, window.at());
                try (ResultSet rows = query.executeQuery()) {
                    found = rows.next() && rows.getBoolean(1);
                }
            }
            if (!inTransaction) {
                statement.execute("ROLLBACK");
            }
            return found;
        });
    }

    /** False when interrupted: the wait ends, with the reading it has. */
    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(STEP_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.pgtestkit.core.tx.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The check for writes other sessions committed on the test database: the rows committed in its tables (see
 * {@link SessionSql#COMMITS}) are counted at the start and the end of each test, and a difference fails the test
 * during which, or after which, it happened. Counting them is the expensive part (every backend's status and every
 * table's statistics entry copied, several milliseconds on a loaded machine), so a reading takes only the database's
 * totals ({@link SessionSql#SIGNATURE}) while a full reading is known, and reads fully only when those moved. A session reports its writes as it exits (and after it has been idle for
 * a while), and a client's {@code close()} returns before its backend has exited: before each reading, the check waits
 * (bounded) until the other sessions that were on the database have left, so what they committed is counted whatever
 * the machine's load. Sessions still there after the wait are open ones (the other-session check reports them); they
 * are not waited for again.
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
        if (!reading.commitCheckRead()) {
            pinned.window(null);
            return;
        }
        complete(pinned, reading, true);
        settle(pinned, reading, true);
        CommitWindow prior = pinned.window();
        CommitWindow before = prior != null ? (prior.committedUntil(reading) > 0 ? prior : null)
                : pinned.commitWatch().movedSince(reading);
        pinned.window(CommitWindow.of(test + " began", reading));
        if (before != null) {
            throw TransactionErrors.committedBetween(before, before.committedUntil(reading), test, pinned.database());
        }
    }

    /**
     * The end of a test's window: settles the end batch's reading, records it for the gap before the next test and
     * returns how many rows others committed in the window.
     */
    static long end(PinnedConnection pinned, CommitWindow window, BatchResults reading, String test,
                    boolean inTransaction) throws SQLException {
        if (window == null || !reading.commitCheckRead()) {
            return 0;
        }
        complete(pinned, reading, inTransaction);
        settle(pinned, reading, inTransaction);
        pinned.commitWatch().ended(test, reading);
        pinned.lastEnded(CommitWindow.of("test " + test + " ended", reading));
        return window.committedUntil(reading);
    }

    /** What a batch reads: the signature alone while a full reading is known, else the full reading. */
    static String reading(PinnedConnection pinned) {
        return pinned.commitWatch().reading();
    }

    /**
     * Gives a reading of the signature alone the counts of the last full reading when the signature has not moved since,
     * else replaces it with a full reading (one more round trip, rare: only when some session reported writes or
     * connected).
     */
    private static void complete(PinnedConnection pinned, BatchResults reading, boolean inTransaction)
            throws SQLException {
        if (!reading.full && !pinned.commitWatch().fill(reading)) {
            reading.commitReading(readFully(pinned, inTransaction));
        }
    }

    private static BatchResults readFully(PinnedConnection pinned, boolean inTransaction) throws SQLException {
        BatchResults again = pinned.prepared(SessionSql.CLEAR_ACTIVITY_SNAPSHOT + ";\n" + SessionSql.FULL_READING,
                BatchResults::run);
        if (!inTransaction) {
            pinned.internal(statement -> statement.execute("ROLLBACK"));
        }
        return again;
    }

    /**
     * Waits until the sessions of others in the reading have exited (what they committed is then counted) or are
     * known to stay open, reading again every few milliseconds; leaves the last reading in {@code reading}.
     */
    static void settle(PinnedConnection pinned, BatchResults reading, boolean inTransaction) throws SQLException {
        CommitWatch watch = pinned.commitWatch();
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (watch.waitsFor(reading.unsettled) && System.nanoTime() < deadline && pause()) {
            reading.commitReading(readFully(pinned, inTransaction));
        }
        if (reading.full) {
            watch.stayed(reading.unsettled);
            watch.known(reading);
        }
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

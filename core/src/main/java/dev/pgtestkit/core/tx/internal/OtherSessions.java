package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.TransactionIsolationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sessions on the test database other than pgtestkit's, found by the end-of-test check: their writes are committed
 * and escape the rollback. A client's {@code close()} returns before its backend has exited, so a session closed
 * just before the test ended can still be listed; a found session counts only if it is still there a moment later.
 */
final class OtherSessions {

    /** How long a closed session's backend gets to exit, in steps, before the session counts as left open. */
    private static final int GRACE_STEPS = 100;
    private static final long GRACE_STEP_MILLIS = 20;

    private final Map<Integer, String> found = new TreeMap<>();

    /** Reads the rows of {@link SessionSql#OTHER_SESSIONS}; ignores (and closes) any other result set. */
    void read(ResultSet rows) throws SQLException {
        try (rows) {
            if (!SessionSql.OTHER_SESSIONS_LABEL.equals(rows.getMetaData().getColumnLabel(1))) {
                return;
            }
            while (rows.next()) {
                found.put(rows.getInt(1), "pid " + rows.getInt(1) + " (application_name '" + rows.getString(2)
                        + "', from " + rows.getString(3) + ", connected at " + rows.getString(4) + ", "
                        + rows.getString(5) + ")");
            }
        }
    }

    /**
     * The sessions still open once the grace is over, described for the message. {@code inTransaction}: whether the
     * pinned connection is still inside the test transaction (a level), or has rolled it back (then the queries
     * here run in a transaction of their own, rolled back too).
     */
    List<String> stillOpen(PinnedConnection pinned, boolean inTransaction) throws SQLException {
        Set<Integer> open = found.keySet();
        for (int step = 0; step < GRACE_STEPS && !open.isEmpty(); step++) {
            sleep();
            open = alive(pinned, open);
            if (!inTransaction) {
                pinned.internal(statement -> statement.execute("ROLLBACK"));
            }
        }
        List<String> described = new ArrayList<>();
        open.forEach(pid -> described.add(found.get(pid)));
        return described;
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Which of the pids still have a backend (the activity snapshot is per transaction: cleared first). */
    private static Set<Integer> alive(PinnedConnection pinned, Set<Integer> pids) throws SQLException {
        String list = pids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String sql = SessionSql.CLEAR_ACTIVITY_SNAPSHOT + "; SELECT pid FROM pg_stat_get_activity(NULL) WHERE pid IN ("
                + list + ")";
        return pinned.internal(statement -> {
            statement.execute(sql);
            statement.getMoreResults();
            Set<Integer> alive = new TreeSet<>();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    alive.add(rows.getInt(1));
                }
            }
            return alive;
        });
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(GRACE_STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static TransactionIsolationException leftOpen(String test, String database, List<String> sessions) {
        return new TransactionIsolationException("Test " + test + " ended with " + sessions.size() + " other "
                + "session(s) open on its database '" + database + "': " + String.join("; ", sessions) + ". They "
                + "do not share the test transaction, so what they wrote was committed and is not rolled back. Give "
                + "the code under test the DataSource the test receives (not the JDBC URL), close such connections "
                + "before the test ends, or: " + TransactionIsolationException.useDatabasePerTest());
    }
}

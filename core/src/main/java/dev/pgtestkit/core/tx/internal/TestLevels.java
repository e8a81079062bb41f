package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.core.tx.IsolationLevel;
import dev.pgtestkit.core.tx.TransactionSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Starts and ends test levels on a pinned connection, each in one round trip: the end of a test checks deferred
 * constraints, restores sequences, looks for other sessions and rolls back, in a single multi-statement call.
 */
public final class TestLevels {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestLevels.class);

    private TestLevels() {
    }

    /**
     * What the database is like, read once per database on its first pinned session (so no other session appears):
     * whether anything is deferrable (without, the end of a test skips {@code SET CONSTRAINTS ALL IMMEDIATE}:
     * nothing can be pending) and the isolation level transactions begin at by default.
     */
    public static DatabaseTraits traits(PinnedConnection pinned) {
        try {
            return pinned.internal(statement -> {
                try (ResultSet rows = statement.executeQuery(SessionSql.DATABASE_TRAITS)) {
                    rows.next();
                    return new DatabaseTraits(rows.getBoolean(1), IsolationLevel.ofSql(rows.getString(2)));
                }
            });
        } catch (SQLException e) {
            throw failure("read the deferrable constraints and default isolation level of " + pinned.database(), e);
        }
    }

    /**
     * At the start of a test transaction of its own, in one round trip: sets the isolation level the settings ask for
     * (the first statement of the transaction, as PostgreSQL requires), snapshots sequences when asked to, opens the
     * marker savepoint by which the end recognises its own transaction, and reads the commit counter the end compares.
     */
    public static void beginTransaction(PinnedConnection pinned, String test) {
        TransactionSettings settings = pinned.settings();
        List<String> parts = new ArrayList<>(4);
        if (settings.isolationLevel() != IsolationLevel.DEFAULT) {
            parts.add("SET TRANSACTION ISOLATION LEVEL " + settings.isolationLevel().sql());
        }
        if (pinned.hasFreshStatistics()) {
            parts.add(SessionSql.FRESH_STATISTICS); // undone by the transaction's rollback, set again by the next
        }
        if (settings.resetSequences()) {
            parts.add(SessionSql.SNAPSHOT_SEQUENCES);
        }
        parts.add("SAVEPOINT " + SessionSql.MARKER);
        if (pinned.watchesCommits()) {
            parts.add(CommitCheck.reading(pinned));
        }
        try {
            CommitCheck.start(pinned, test, pinned.prepared(String.join(";\n", parts), BatchResults::run));
        } catch (SQLException e) {
            throw failure("begin the test transaction of " + test, e);
        }
    }

    /**
     * At the start of a test of a class level: reads the commit counter the end of the test compares, unless the
     * session's last test ended with a reading. Then the test's window begins where that one ended, without a round
     * trip: what is committed between two tests of a level (nothing of the user's code runs there) fails the later
     * test, with a message naming the end of the earlier one.
     */
    public static void beginLevelTest(PinnedConnection pinned, String test) {
        if (!pinned.watchesCommits()) {
            pinned.window(null);
            return;
        }
        CommitWindow ended = pinned.lastEnded();
        if (ended != null) {
            pinned.window(ended);
            return;
        }
        try {
            CommitCheck.start(pinned, test, pinned.prepared(SessionSql.CLEAR_ACTIVITY_SNAPSHOT + ";\n"
                    + CommitCheck.reading(pinned), BatchResults::run));
        } catch (SQLException e) {
            throw failure("begin test " + test, e);
        }
    }

    /**
     * Opens the savepoint the tests of a class level roll back to (it stays open, so later tests of the level reuse
     * it) after checking that the class fixtures satisfy the deferred constraints.
     */
    public static Mark openTestSavepoint(PinnedConnection pinned, String name, String fixtures) {
        String snapshot = pinned.settings().resetSequences() ? SessionSql.SNAPSHOT_SEQUENCES + ";\n" : "";
        checkInSavepoint(pinned, snapshot, name, false, "the fixtures of " + fixtures);
        return pinned.adopt(name);
    }

    /** Throws a {@link QueryException} naming the constraint if a COMMIT now would fail a deferred constraint. */
    public static void checkDeferred(PinnedConnection pinned, String who) {
        checkInSavepoint(pinned, "", "pgtestkit_check", true, who);
    }

    /** SET CONSTRAINTS ALL IMMEDIATE inside a savepoint rolled back afterwards, so deferred mode comes back. */
    private static void checkInSavepoint(PinnedConnection pinned, String before, String name, boolean release,
                                         String who) {
        String quoted = Identifiers.quote(name);
        String undo = "ROLLBACK TO SAVEPOINT " + quoted;
        String releaseSql = "; RELEASE SAVEPOINT " + quoted;
        String sql = before + "SAVEPOINT " + quoted + ";\n" + SessionSql.CHECK_DEFERRED + ";\n" + undo
                + (release ? releaseSql : "");
        try {
            pinned.prepared(sql, statement -> ((PreparedStatement) statement).execute());
        } catch (SQLException e) {
            recover(pinned, undo + releaseSql);
            throw isConstraintViolation(e) ? deferredViolation(e, who) : failure("check the deferred constraints of "
                    + who, e);
        }
    }

    /**
     * Ends a test: checks, then {@code ROLLBACK TO SAVEPOINT level} (kept open) or, when {@code level} is null,
     * {@code ROLLBACK} of the whole transaction, and clears what a rollback leaves in the session (advisory locks,
     * prepared statements, sequence positions of {@code currval}). Throws when a check fails; the rollback has
     * happened by then.
     */
    public static void endTest(PinnedConnection pinned, Mark level, String test) {
        String end = level == null ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT " + Identifiers.quote(level.name);
        if (level == null && endedBehindOurBack(pinned)) {
            recover(pinned, end);
            pinned.notReusable();
            throw TransactionErrors.endedBehindOurBack(test, pinned.database());
        }
        CommitWindow window = pinned.window();
        // the activity snapshot behind the other-session check costs more than the rest of the end together
        // (BENCHMARKS.md, "@WithTransaction end to end"): skipped while the commit check's signature vouches for it
        boolean othersVouched = window != null && pinned.settings().detectOtherSessions()
                && pinned.commitWatch().vouchesForOthers();
        BatchResults results;
        try {
            results = pinned.prepared(batch(pinned, level, end, window != null, othersVouched), BatchResults::run);
        } catch (SQLException e) {
            handleEndFailure(pinned, level, test, e);
            return;
        } finally {
            forget(pinned, level);
        }
        if (!results.prepared.isEmpty()) {
            deallocate(pinned, results.prepared, level != null);
        }
        pinned.window(null);
        long committed;
        try {
            committed = CommitCheck.end(pinned, window, results, test, level != null);
        } catch (SQLException e) {
            throw failure("read the rows others committed again at the end of test " + test, e);
        }
        OtherSessions others = results.others;
        if (othersVouched && (!results.unsettled.isEmpty() || !pinned.commitWatch().vouchesForOthers())) {
            others = describeOthers(pinned, level != null, test); // the signature moved and someone stayed
        }
        if (!others.isEmpty()) {
            checkOtherSessions(pinned, others, level != null, test);
        }
        if (committed > 0) {
            throw TransactionErrors.committedDuring(window, committed, test, pinned.database());
        }
    }

    /** Deallocates statements the test prepared in SQL; outside a level, in a transaction rolled back at once. */
    private static void deallocate(PinnedConnection pinned, List<String> names, boolean inTransaction) {
        StringBuilder sql = new StringBuilder();
        names.forEach(name -> sql.append("DEALLOCATE ").append(Identifiers.quote(name)).append(";\n"));
        sql.append(inTransaction ? "SELECT 1" : "ROLLBACK");
        run(pinned, sql.toString(), "deallocate the statements the test prepared: " + names);
    }

    private static OtherSessions describeOthers(PinnedConnection pinned, boolean inTransaction, String test) {
        try {
            BatchResults results = pinned.prepared(SessionSql.CLEAR_ACTIVITY_SNAPSHOT + ";\n"
                    + SessionSql.OTHER_SESSIONS, BatchResults::run);
            if (!inTransaction) {
                pinned.internal(statement -> statement.execute("ROLLBACK"));
            }
            return results.others;
        } catch (SQLException e) {
            throw failure("look for other sessions at the end of test " + test, e);
        }
    }

    private static void checkOtherSessions(PinnedConnection pinned, OtherSessions others, boolean inTransaction,
                                           String test) {
        List<String> open;
        try {
            open = others.stillOpen(pinned, inTransaction);
        } catch (SQLException e) {
            throw failure("look for other sessions again at the end of test " + test, e);
        }
        if (!open.isEmpty()) {
            throw OtherSessions.leftOpen(test, pinned.database(), open);
        }
    }

    /**
     * Commits the test's transaction on a database that is kept for inspection after a failure, so it shows what
     * the test wrote. When a deferred constraint makes the COMMIT fail, the data is rolled back and a warning says so.
     */
    public static void commitForInspection(PinnedConnection pinned) {
        try {
            pinned.notReusable();
            pinned.internal(statement -> statement.execute("COMMIT"));
        } catch (SQLException e) {
            LOG.warn("Could not commit the failed test's data on kept database {}: {}", pinned.database(),
                    e.getMessage());
            recover(pinned, "ROLLBACK");
        } finally {
            pinned.forgetAll();
        }
    }

    private static String batch(PinnedConnection pinned, Mark level, String end, boolean commits,
                                boolean othersVouched) {
        TransactionSettings settings = pinned.settings();
        List<String> parts = new ArrayList<>();
        if (pinned.hasDeferrableConstraints()) {
            parts.add(SessionSql.CHECK_DEFERRED);
        }
        if (settings.resetSequences()) {
            parts.add(SessionSql.RESTORE_SEQUENCES);
        }
        boolean listsOthers = settings.detectOtherSessions() && !othersVouched;
        String reading = commits ? CommitCheck.reading(pinned) : null;
        // the signature alone (statistics are fresh: FRESH_STATISTICS) runs the advisory unlock too
        String signatureAndUnlock = reading == null ? null : pinned.commitWatch().signatureAndUnlock(reading);
        boolean signatureOnly = signatureAndUnlock != null;
        if (listsOthers || (reading != null && !signatureOnly)) {
            parts.add(SessionSql.CLEAR_ACTIVITY_SNAPSHOT);
        }
        if (listsOthers) {
            parts.add(SessionSql.OTHER_SESSIONS);
        }
        if (signatureOnly) { // the usual end: two statements fewer
            parts.add(signatureAndUnlock);
            parts.add(SessionSql.DISCARD_SEQUENCES);
        } else {
            if (reading != null) {
                parts.add(reading);
            }
            parts.add(SessionSql.RESET_SESSION);
        }
        parts.add(SessionSql.PREPARED);
        if (level == null) {
            // only this transaction has the marker: gone when something committed (or rolled back) behind our back
            parts.add("RELEASE SAVEPOINT " + SessionSql.MARKER);
        }
        parts.add(end);
        return String.join(";\n", parts);
    }

    private static void handleEndFailure(PinnedConnection pinned, Mark level, String test, SQLException e) {
        if (pinned.isClosed()) {
            pinned.notReusable();
            throw TransactionErrors.sessionLost(test, pinned.database(), e);
        }
        // the savepoint only this transaction has: rolling back to it fails when the transaction is another one
        String identity = "ROLLBACK TO SAVEPOINT " + (level == null ? SessionSql.MARKER
                : Identifiers.quote(level.name));
        boolean ours = recover(pinned, identity);
        if (level == null) {
            recover(pinned, "ROLLBACK");
        }
        pinned.window(null);
        if (!ours || "3B001".equals(e.getSQLState()) || "25P01".equals(e.getSQLState())) {
            pinned.notReusable();
            throw TransactionErrors.endedBehindOurBack(test, pinned.database());
        }
        resetSession(pinned, level != null);
        if (isConstraintViolation(e)) {
            throw deferredViolation(e, "test " + test);
        }
        if (!"25P02".equals(e.getSQLState())) { // 25P02: already aborted by a failure the test has seen
            throw failure("end the transaction of test " + test, e);
        }
    }

    /** The session reset the end batch ends with, when the batch stopped before it (the session is reused). */
    private static void resetSession(PinnedConnection pinned, boolean inTransaction) {
        try {
            String sql = SessionSql.RESET_SESSION + ";\n" + SessionSql.PREPARED + (inTransaction ? "" : ";\nROLLBACK");
            BatchResults results = pinned.prepared(sql, BatchResults::run);
            if (!results.prepared.isEmpty()) {
                deallocate(pinned, results.prepared, inTransaction);
            }
        } catch (SQLException | RuntimeException e) {
            pinned.notReusable();
        }
    }

    private static boolean endedBehindOurBack(PinnedConnection pinned) {
        try {
            return pinned.endedBehindOurBack();
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean recover(PinnedConnection pinned, String end) {
        try {
            pinned.internal(statement -> statement.execute(end));
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void forget(PinnedConnection pinned, Mark level) {
        if (level == null) {
            pinned.forgetAll();
        } else {
            pinned.forgetAbove(level);
        }
    }

    private static void run(PinnedConnection pinned, String sql, String what) {
        try {
            pinned.internal(statement -> statement.execute(sql));
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static QueryException deferredViolation(SQLException e, String who) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String constraint = server == null ? null : server.getConstraint();
        String table = server == null ? null : server.getTable();
        String detail = server == null || server.getDetail() == null ? e.getMessage() : server.getDetail();
        return new QueryException("Deferred constraint " + quoteOrUnknown(constraint) + " on table "
                + quoteOrUnknown(table) + " is violated by the data " + who + " left: " + detail + " A COMMIT would "
                + "fail here, so the test fails too. Insert the missing rows, or remove the offending ones, before "
                + "the test ends.", e.getSQLState(), constraint, table, server == null ? null : server.getColumn(), e);
    }

    private static String quoteOrUnknown(String name) {
        return name == null ? "(unknown)" : "\"" + name + "\"";
    }

    private static QueryException failure(String what, SQLException e) {
        return new QueryException("Could not " + what + ": " + e.getMessage(), e.getSQLState(), e);
    }
}

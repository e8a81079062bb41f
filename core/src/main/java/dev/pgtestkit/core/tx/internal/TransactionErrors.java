package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.IsolationLevel;
import dev.pgtestkit.core.tx.TransactionIsolationException;
import java.sql.SQLException;

/** The explanations of what a test transaction cannot isolate. */
public final class TransactionErrors {

    private TransactionErrors() {
    }

    static TransactionIsolationException notInTransaction(SqlCommand command) {
        return new TransactionIsolationException(command.command() + " cannot run inside the test transaction of "
                + "@WithTransaction: PostgreSQL refuses it in a transaction block, and what it does could not be "
                + "rolled back anyway. " + TransactionIsolationException.useDatabasePerTest());
    }

    static TransactionIsolationException controlInBatch(SqlCommand command) {
        return new TransactionIsolationException(command.command() + " inside a multi-statement string or a batch "
                + "cannot be emulated by the test transaction of @WithTransaction (pgtestkit turns transaction control "
                + "into savepoints only for a statement of its own). Send it as a separate statement, use the JDBC "
                + "methods commit()/rollback(), or: " + TransactionIsolationException.useDatabasePerTest());
    }

    /** The test's work was committed (or rolled back) by something that bypassed pgtestkit's connections. */
    public static TransactionIsolationException endedBehindOurBack(String test, String database) {
        return new TransactionIsolationException("The transaction of test " + test + " on database '" + database
                + "' was ended by something other than pgtestkit (for example commit() on the connection obtained "
                + "through unwrap(), or on a connection that bypassed the test's DataSource), so its writes may have "
                + "been committed and can leak into later tests. Give the code under test the DataSource or Connection "
                + "that the test receives as a parameter, or: " + TransactionIsolationException.useDatabasePerTest());
    }

    /** Other sessions committed writes on the test database while the test ran. */
    static TransactionIsolationException committedDuring(CommitWindow window, long rows, String test,
                                                         String database) {
        return new TransactionIsolationException("Writes to " + rows + " row(s) were committed on database '"
                + database + "' by other sessions since " + window.since() + " (" + window.at() + "), while test "
                + test + " ran. " + committedAdvice());
    }

    /** Other sessions committed writes between the end of the last test on the database and the start of this one. */
    static TransactionIsolationException committedBetween(CommitWindow window, long rows, String test,
                                                          String database) {
        return new TransactionIsolationException("Writes to " + rows + " row(s) were committed on database '"
                + database + "' by other sessions since " + window.since() + " (" + window.at() + ") and before test "
                + test + " began, so test " + test + " does not start from a clean database. Most likely a connection "
                + "of that earlier code committed and was closed as it ended (a closing session reports its writes "
                + "only as it exits). " + committedAdvice());
    }

    private static String committedAdvice() {
        return "What they wrote does not share the test transaction, so it is not rolled back and leaks into later "
                + "tests. Give the code under test the DataSource or Connection the test receives (not the JDBC URL or "
                + "a pool of its own), or: " + TransactionIsolationException.useDatabasePerTest();
    }

    /** The pinned session is gone: terminated by the server, a restart, or a network failure. */
    public static TransactionIsolationException sessionLost(String test, String database, Exception cause) {
        return new TransactionIsolationException("The session of the test transaction of " + test + " on database '"
                + database + "' was closed while the test ran (terminated by the server, for example with "
                + "pg_terminate_backend(), by a server restart, or by a network failure): " + cause.getMessage()
                + ". What the transaction held is gone.", cause);
    }

    /** A test (or nested level) asks for another isolation level than the transaction it shares has. */
    public static TransactionIsolationException isolationOfSharedTransaction(String who, IsolationLevel asked,
                                                                            IsolationLevel actual, String level) {
        return new TransactionIsolationException(who + " asks for isolation level " + asked.sql() + ", but it runs in "
                + "the transaction of " + level + ", which began at " + actual.sql() + ", and PostgreSQL cannot change "
                + "the level of a transaction that has begun. Put the isolation level on the class's @WithTransaction "
                + "(its tests share one transaction), or leave @WithTransaction off the class so that each test begins "
                + "a transaction of its own.");
    }

    /** The code under test asks for a stronger level than the test transaction runs at. */
    static TransactionIsolationException strongerIsolation(Object connection, String how, IsolationLevel asked,
                                                           IsolationLevel actual) {
        return new TransactionIsolationException("Connection " + connection + " asked for isolation level "
                + asked.sql() + " (" + how + "), but the test transaction it shares runs at " + actual.sql()
                + ", and PostgreSQL cannot raise the level of a transaction that has begun (a weaker level or the "
                + "same one would be fine). Begin the test transaction at " + asked.sql() + ": @WithTransaction("
                + "isolationLevel = IsolationLevel." + asked.name() + "), or TestTransaction.builder(...)"
                + ".isolationLevel(IsolationLevel." + asked.name() + ").");
    }

    /** A write inside another connection's read-only unit, refused by the server. */
    static SQLException writeInReadOnlyUnit(Object connection, Object owner, SQLException e) {
        return new SQLException(e.getMessage() + ". Connection " + connection + " ran it inside the read-only "
                + "transaction of connection " + owner + ": all connections of a test transaction share one session, "
                + "where the transaction another connection opened first encloses this statement. End "
                + owner + "'s transaction first.", e.getSQLState(), e);
    }
}

package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.TransactionIsolationException;

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
}

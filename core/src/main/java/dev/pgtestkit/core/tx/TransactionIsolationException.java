package dev.pgtestkit.core.tx;

import dev.pgtestkit.core.PgTestkitException;

/**
 * Something a {@link TestTransaction} (the engine of the JUnit extension's {@code @WithTransaction}) cannot isolate: a
 * statement PostgreSQL refuses inside a transaction block, a second session on the test database, a thread that
 * waited too long for the pinned connection, work committed behind pgtestkit's back. The message names what happened
 * and points to the fix, usually a database of the test's own ({@code @PgTest(isolation = DATABASE_PER_TEST)})
 * without a test transaction.
 */
public class TransactionIsolationException extends PgTestkitException {

    static final String USE_DATABASE_PER_TEST = "Run this test without @WithTransaction and with "
            + "@PgTest(isolation = Isolation.DATABASE_PER_TEST): it then gets a database of its own, dropped "
            + "afterwards, so nothing needs to be rolled back (without JUnit: a DatabaseTemplate.checkout() of its own "
            + "instead of a TestTransaction).";

    public TransactionIsolationException(String message) {
        super(message);
    }

    public TransactionIsolationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The advice every message of this family ends with. */
    public static String useDatabasePerTest() {
        return USE_DATABASE_PER_TEST;
    }
}

package dev.pgtestkit.junit;

import dev.pgtestkit.core.PgTestkitException;

/**
 * Something the test transaction of {@link WithTransaction} (or a {@link TestTransaction}) cannot isolate: a statement
 * PostgreSQL refuses inside a transaction block, a second session on the test database, a thread that waited too
 * long for the pinned connection, work committed behind pgtestkit's back. The message names what happened and points
 * to the fix, usually {@link Isolation#DATABASE_PER_TEST} without {@code @WithTransaction}.
 */
public class TransactionIsolationException extends PgTestkitException {

    static final String USE_DATABASE_PER_TEST = "Run this test without @WithTransaction and with "
            + "@PgTest(isolation = Isolation.DATABASE_PER_TEST): it then gets a database of its own, dropped "
            + "afterwards, so nothing needs to be rolled back.";

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

package dev.pgtestkit.junit;

/**
 * When {@link WithTransaction} looks for other sessions on the test database at the end of a test: connections that
 * bypassed the test's DataSource (a pool built on the JDBC URL, a {@code DriverManager} connection), whose writes
 * are committed and leak into later tests. A check reads the server's session table, which costs about 0.3 ms with
 * {@code max_connections = 300} (the embedded server's setting): more than the rest of the test transaction. On
 * PostgreSQL 15+ the read is skipped while the commit check's statistics show that no session connected to the
 * database since its last full reading and none stayed open there, which is the usual end of a test.
 */
public enum SessionCheck {

    /**
     * After the 1st, 2nd, 4th, 8th... test on each database (default): a session that stays open, such as a pool,
     * is found at once, for a cost that hardly grows with the number of tests. A session opened by a later test
     * and closed before the next check can go unnoticed.
     */
    SPACED,

    /** After every test: the failing test is the one that left the session open. */
    EVERY_TEST,

    /** Never. */
    NEVER;

    /** Whether this policy checks the {@code ordinal}-th test (counted from 1) that ends on a database. */
    public boolean checks(long ordinal) {
        return switch (this) {
            case SPACED -> ordinal > 0 && (ordinal & (ordinal - 1)) == 0;
            case EVERY_TEST -> true;
            case NEVER -> false;
        };
    }
}

package dev.pgtestkit.junit;

/** How long one cloned database lives in a {@link PgTest} class. */
public enum Isolation {

    /**
     * One database per test class (default), shared by its tests and its {@code @Nested} classes. Tests that write
     * should use {@link WithTransaction} so each starts from the same data.
     */
    DATABASE_PER_CLASS,

    /**
     * One database per test method, dropped after it (or kept, with {@link PgTest#keepOnFailure()}). Isolates what
     * a transaction cannot: {@code VACUUM}, {@code CREATE INDEX CONCURRENTLY}, several real sessions, commits.
     * A clone from the warm pool costs a few milliseconds.
     */
    DATABASE_PER_TEST
}

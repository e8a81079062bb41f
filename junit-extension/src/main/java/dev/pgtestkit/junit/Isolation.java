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
     * A clone from the warm pool is handed out in 0.02-0.06 ms (median); when tests outrun the pool, a test waits
     * for a cold clone, 46-84 ms (BENCHMARKS.md, "Disposable databases").
     */
    DATABASE_PER_TEST
}

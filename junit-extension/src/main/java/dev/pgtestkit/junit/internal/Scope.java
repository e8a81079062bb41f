package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.tx.TestTransaction;
import java.util.Optional;

/** What a test or lifecycle method can be given: the database, the test transaction, and a place for resources. */
public interface Scope {

    /** The database of this scope; empty for a class with one database per test. */
    Optional<DatabaseHandle> database();

    /** The test transaction this scope runs in, if any. */
    Optional<TestTransaction> transaction();

    /** For messages: {@code class X} or {@code test X > y()}. */
    String description();

    /** What the scope has handed out, closed when it ends. */
    Resources resources();

    /** Closed when the scope ends, before its transaction is rolled back. */
    default void register(AutoCloseable resource) {
        resources().register(resource);
    }

    /** A value computed once per scope, e.g. the query log of a test. */
    default <T> T cached(Object key, java.util.function.Supplier<T> compute) {
        return resources().cached(key, compute);
    }
}

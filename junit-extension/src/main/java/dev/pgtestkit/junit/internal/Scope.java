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

    /**
     * Where a test's query logger lives when tests share one: the class scope, for the tests of a class transaction
     * (they run one at a time, and a logger reset per test costs less than one built per test). Empty: the scope
     * has a logger of its own.
     */
    default Optional<Scope> sharedLoggerHome() {
        return Optional.empty();
    }

    /** A value computed once per scope, e.g. the query log of a test. */
    default <T> T cached(Object key, java.util.function.Supplier<T> compute) {
        return resources().cached(key, compute);
    }
}

package dev.pgtestkit.querylog;

/**
 * A window of recording: every event completed while it is open (on any thread, or only on the opening thread for
 * {@link QueryLogger#startThreadScope(String)}) is kept in it, so a test can look at exactly its own statements.
 * Thread-safe. Closing it stops recording and tells the listeners (N+1 findings are logged then).
 *
 * <pre>{@code
 * try (QueryScope scope = logger.startScope("loads orders")) {
 *     service.loadOrders();
 *     assertThat(scope.log()).hasSelectCount(1).hasNoNPlusOne();
 * }
 * }</pre>
 */
public interface QueryScope extends AutoCloseable {

    String name();

    /** The events recorded so far, in completion order. */
    QueryLog log();

    /** Forgets the events recorded so far; the scope stays open. */
    void reset();

    boolean isOpen();

    /** Stops recording (idempotent). {@link #log()} still answers afterwards. */
    @Override
    void close();
}

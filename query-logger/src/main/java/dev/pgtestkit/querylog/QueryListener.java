package dev.pgtestkit.querylog;

/**
 * Receives what a {@link QueryLogger} records. Called on the thread that executed the statement, except for slow
 * statements, which are delivered from the plan thread once their plan is captured (or given up on), and running
 * statements, delivered from the scanner thread. Must be fast and thread-safe; exceptions are logged and ignored.
 */
@FunctionalInterface
public interface QueryListener {

    void onEvent(QueryEvent event);

    /** A statement has been running longer than the slow threshold and has not finished yet. */
    default void onStillRunning(RunningStatement statement) {
    }

    /** A scope closed; {@code log} holds its events (see {@link QueryLog#nPlusOneFindings()}). */
    default void onScopeClosed(String scopeName, QueryLog log) {
    }
}

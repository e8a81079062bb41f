package dev.pgtestkit.sync;

/**
 * Receives {@link SyncEvent}s. Called from worker threads, possibly several at once: implementations must be
 * thread-safe and quick. An exception it throws aborts the operation (like any failure: nothing partial is left).
 * The API itself never prints; the CLI's progress bars are a listener.
 */
@FunctionalInterface
public interface SyncProgressListener {

    /** Ignores every event. */
    SyncProgressListener NONE = event -> { };

    void onEvent(SyncEvent event);
}

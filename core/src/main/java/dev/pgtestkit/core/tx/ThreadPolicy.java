package dev.pgtestkit.core.tx;

/** What happens when a thread other than the test's own uses the test transaction's pinned connection. */
public enum ThreadPolicy {

    /**
     * Other threads may use it (default). A statement runs whole before another starts. While one thread has a unit
     * of work open (auto-commit off, not yet committed or rolled back), another thread's single auto-commit
     * statements run inside it (each under a savepoint of its own, so a failure cannot abort the unit), but a
     * thread that wants a unit of its own waits for the open one to end, up to
     * {@link TransactionSettings#threadWait()}; then it fails with an explanation instead of deadlocking.
     */
    SERIALIZE,

    /** Any use from another thread fails at once, naming the thread: for tests that must stay single-threaded. */
    OWNER_ONLY
}

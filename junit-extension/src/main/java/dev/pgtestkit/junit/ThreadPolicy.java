package dev.pgtestkit.junit;

/** What happens when a thread other than the test's own uses the test transaction's pinned connection. */
public enum ThreadPolicy {

    /**
     * Other threads may use it (default). A statement runs whole before another starts, and while one thread has
     * a unit of work open (auto-commit off, not yet committed or rolled back) other threads wait for it, up to
     * {@link WithTransaction#threadWaitSeconds()}; then they fail with an explanation instead of deadlocking.
     */
    SERIALIZE,

    /** Any use from another thread fails at once, naming the thread: for tests that must stay single-threaded. */
    OWNER_ONLY
}

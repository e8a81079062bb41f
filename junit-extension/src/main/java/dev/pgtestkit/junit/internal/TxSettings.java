package dev.pgtestkit.junit.internal;

import dev.pgtestkit.junit.ThreadPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How one test transaction behaves.
 *
 * @param threads             use from other threads: serialised (default) or refused
 * @param threadWait          how long another thread waits for a unit of work to end (default 30 s)
 * @param resetSequences      restore every sequence after each test (default false)
 * @param detectOtherSessions at the end of this test (level), fail if another session is open on the database
 *                            (default true)
 * @param statementSavepoints wrap each statement in a savepoint so a failing one does not abort the transaction
 *                            (PgJDBC {@code autosave=always}; default false)
 */
public record TxSettings(ThreadPolicy threads, Duration threadWait, boolean resetSequences,
                         boolean detectOtherSessions, boolean statementSavepoints) {

    public static final TxSettings DEFAULTS = new TxSettings(ThreadPolicy.SERIALIZE, Duration.ofSeconds(30), false,
            true, false);

    /** The same settings with the other-session check on or off. */
    public TxSettings withDetectOtherSessions(boolean detect) {
        return new TxSettings(threads, threadWait, resetSequences, detect, statementSavepoints);
    }

    public TxSettings {
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(threadWait, "threadWait");
        if (threadWait.isNegative() || threadWait.isZero()) {
            throw new IllegalArgumentException("threadWait must be positive, was " + threadWait);
        }
    }
}

package dev.pgtestkit.core.tx;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.tx.internal.Mark;
import dev.pgtestkit.core.tx.internal.PinnedConnection;
import dev.pgtestkit.core.tx.internal.TestLevels;
import dev.pgtestkit.core.tx.internal.TransactionErrors;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transaction shared by a group of tests (a test class), each of which rolls back to the state the group set up:
 * what is written before the first test (fixtures of the class) stays for every test; what a test writes is rolled
 * back after it. Levels nest (a nested class): a nested level is a savepoint on the same transaction, rolled back when
 * it closes. The tests of a level share its connection, so they must run one at a time.
 *
 * <pre>{@code
 * try (TestLevel level = TestLevel.top(transactions.begin(settings, "class UserTest"), "UserTest")) {
 *     insertFixtures(level.transaction().dataSource());   // kept for every test of the level
 *     level.beginTest(settings, "UserTest > savesUsers");
 *     ...                                                 // the test, on level.transaction().dataSource()
 *     level.endTest("UserTest > savesUsers");             // checked and rolled back to after the fixtures
 * }                                                       // the whole transaction rolled back
 * }</pre>
 */
public final class TestLevel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestLevel.class);

    private final TestTransaction transaction;
    private final Mark levelMark;
    private final String name;
    private final int depth;
    private final TransactionSettings settings;
    private final TransactionSettings outerSettings;
    private final AtomicReference<String> runningTest = new AtomicReference<>();
    private Mark testMark;
    private boolean closed;

    private TestLevel(TestTransaction transaction, Mark levelMark, String name, int depth,
                      TransactionSettings settings, TransactionSettings outerSettings) {
        this.transaction = transaction;
        this.levelMark = levelMark;
        this.name = name;
        this.depth = depth;
        this.settings = settings;
        this.outerSettings = outerSettings;
    }

    /**
     * The outermost level of a transaction, which it takes over: closing the level discards the transaction. A
     * {@link TestTransaction#borrowed()} one is not ended by the level.
     */
    public static TestLevel top(TestTransaction transaction, String name) {
        Objects.requireNonNull(transaction, "transaction");
        TransactionSettings settings = transaction.pinned().settings();
        return new TestLevel(transaction, null, name, 0, settings, settings);
    }

    /** A level inside this one (a savepoint), for a nested group of tests; the caller closes it. */
    public TestLevel nested(TransactionSettings nestedSettings, String nestedName) {
        PinnedConnection pinned = transaction.pinned();
        requireIsolation(pinned, nestedSettings, nestedName);
        pinned.settings(nestedSettings);
        pinned.owner(Thread.currentThread());
        int level = depth + 1;
        try {
            Mark mark = pinned.savepoint("pgtestkit_class_" + level);
            return new TestLevel(transaction, mark, nestedName, level, nestedSettings, settings);
        } catch (SQLException e) {
            throw new ConnectionException("Cannot open the savepoint of " + nestedName + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** The transaction the tests of this level run in: give its DataSource to the code under test. */
    public TestTransaction transaction() {
        return transaction;
    }

    /**
     * Starts a test of this level with its own settings, owned by the calling thread. Before the level's first test
     * (and after a failure that undid the level's test savepoint), checks that what the level wrote satisfies the
     * deferred constraints, then takes the savepoint every test of the level rolls back to.
     *
     * @throws IllegalStateException when another test of the level has not ended
     * @throws TransactionIsolationException when the settings ask for another isolation level than the level's
     *                                       transaction runs at
     */
    public void beginTest(TransactionSettings testSettings, String test) {
        requireIsolation(transaction.pinned(), testSettings, "Test " + test);
        String other = runningTest.getAndSet(test);
        if (other != null) {
            runningTest.set(other);
            throw new IllegalStateException("Tests " + other + " and " + test + " ran at the same time on the "
                    + "transaction of " + name + ", which they share: run the tests of a level one at a time (the "
                    + "JUnit extension declares a resource lock for that; was @WithTransaction's lock removed?)");
        }
        PinnedConnection pinned = transaction.pinned();
        try {
            requireIntact(pinned, test);
            pinned.settings(testSettings);
            pinned.owner(Thread.currentThread());
            if (testMark == null || !testMark.alive()) {
                testMark = null;
                testMark = TestLevels.openTestSavepoint(pinned, "pgtestkit_test_" + depth, name);
            }
            TestLevels.beginLevelTest(pinned, test);
        } catch (RuntimeException e) {
            runningTest.set(null);
            if (pinned.lost() == null && pinned.isClosed()) {
                pinned.lost("the session of " + name + "'s transaction was closed before test " + test + " began ("
                        + e.getMessage() + ")");
                requireIntact(pinned, test);
            }
            throw e;
        }
    }

    /**
     * Fails a test of a level whose transaction was lost (its session closed, or something committed it behind
     * pgtestkit's back): what the level's fixtures wrote is gone, so no later test can run as written.
     */
    private void requireIntact(PinnedConnection pinned, String test) {
        String lost = pinned.lost();
        if (lost != null) {
            throw new TransactionIsolationException("Test " + test + " cannot run: the transaction that " + name
                    + "'s tests share, with what its fixtures wrote, was lost: " + lost + " Every later test of " + name
                    + " fails with this message; fix the test named here (the first failure), then run the class "
                    + "again.");
        }
    }

    /** Ends the test: checks (as its settings say) and rolls back to the level's test savepoint, which stays open. */
    public void endTest(String test) {
        PinnedConnection pinned = transaction.pinned();
        try {
            if (testMark != null && pinned.lost() == null) {
                TestLevels.endTest(pinned, testMark, test);
            }
        } catch (RuntimeException e) {
            if (!pinned.reusable() || pinned.isClosed()) {
                pinned.lost("in test " + test + ": " + e.getMessage());
            }
            throw e;
        } finally {
            pinned.settings(settings);
            runningTest.set(null);
        }
    }

    /** Rolls the level back: to before its savepoint (nested), or the whole transaction (top, then discarded). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (levelMark == null) {
            transaction.discard(name + " finished");
            return;
        }
        PinnedConnection pinned = transaction.pinned();
        try {
            if (pinned.isOpen()) {
                pinned.rollbackTo(levelMark, false);
            }
        } catch (SQLException e) {
            LOG.debug("Rolling back nested level {} failed: {}", name, e.getMessage());
        } finally {
            pinned.settings(outerSettings);
        }
    }

    private void requireIsolation(PinnedConnection pinned, TransactionSettings asked, String who) {
        IsolationLevel level = asked.isolationLevel();
        if (level != IsolationLevel.DEFAULT && level != pinned.isolationLevel()) {
            throw TransactionErrors.isolationOfSharedTransaction(who, level, pinned.isolationLevel(), name);
        }
    }

    @Override
    public String toString() {
        return "TestLevel[" + name + ", depth " + depth + ", " + transaction + "]";
    }
}

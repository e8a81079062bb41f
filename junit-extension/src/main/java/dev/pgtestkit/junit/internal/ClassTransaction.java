package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.ConnectionException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction of a class annotated with {@code @WithTransaction}: at the top level a pinned connection, in a
 * {@code @Nested} class a savepoint on the enclosing class's connection. Each test of the level rolls back to one
 * test savepoint, created at the first test (after checking the class fixtures) and kept for the next.
 */
public final class ClassTransaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassTransaction.class);

    private final PinnedConnection pinned;
    private final Mark classMark;
    private final DatabaseHandle owner;
    private final String name;
    private final int depth;
    private final TxSettings settings;
    private final TxSettings outerSettings;
    private final AtomicReference<String> runningTest = new AtomicReference<>();
    private Mark testMark;
    private boolean closed;

    private ClassTransaction(PinnedConnection pinned, Mark classMark, DatabaseHandle owner, String name, int depth,
                             TxSettings settings, TxSettings outerSettings) {
        this.pinned = pinned;
        this.classMark = classMark;
        this.owner = owner;
        this.name = name;
        this.depth = depth;
        this.settings = settings;
        this.outerSettings = outerSettings;
    }

    /** A class transaction on a connection of its own from the database's pool. */
    static ClassTransaction top(DatabaseHandle database, TxSettings settings, String name) {
        PinnedConnection pinned = Pinning.pin(database, settings, "class " + name);
        return new ClassTransaction(pinned, null, database, name, 0, settings, settings);
    }

    /** A savepoint level for a nested class, on this class's connection. */
    ClassTransaction nested(TxSettings nestedSettings, String nestedName) {
        pinned.settings(nestedSettings);
        pinned.owner(Thread.currentThread());
        int level = depth + 1;
        try {
            Mark mark = pinned.savepoint("pgtestkit_class_" + level);
            return new ClassTransaction(pinned, mark, null, nestedName, level, nestedSettings, settings);
        } catch (SQLException e) {
            throw new ConnectionException("Cannot open the savepoint of nested class " + nestedName + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    public PinnedConnection pinned() {
        return pinned;
    }

    /** Makes the test's thread the owner and opens (or reuses) the level's test savepoint. */
    void beginTest(TxSettings testSettings, String test) {
        String other = runningTest.getAndSet(test);
        if (other != null) {
            runningTest.set(other);
            throw new IllegalStateException("Tests " + other + " and " + test + " ran at the same time on the "
                    + "transaction of class " + name + ", which they share; pgtestkit declares a resource lock so "
                    + "JUnit runs them one at a time. Was the @WithTransaction annotation's lock removed?");
        }
        pinned.settings(testSettings);
        pinned.owner(Thread.currentThread());
        if (testMark == null || !testMark.alive) {
            testMark = null;
            testMark = TestLevels.openTestSavepoint(pinned, "pgtestkit_test_" + depth, "class " + name);
        }
    }

    /** Checks and rolls back to the test savepoint. */
    void endTest(String test) {
        try {
            if (testMark != null) {
                TestLevels.endTest(pinned, testMark, test);
            }
        } finally {
            pinned.settings(settings);
            runningTest.set(null);
        }
    }

    /** Rolls the level back: to before the class savepoint (nested), or the whole transaction (top). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner != null) {
            owner.pool().give(pinned.detach("class " + name + " finished"));
            return;
        }
        try {
            if (pinned.isOpen()) {
                pinned.rollbackTo(classMark, false);
            }
        } catch (SQLException e) {
            LOG.debug("Rolling back nested class {} failed: {}", name, e.getMessage());
        } finally {
            pinned.settings(outerSettings);
        }
    }
}

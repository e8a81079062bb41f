package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.tx.TestLevel;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.core.tx.TransactionSettings;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the extension holds for one test: its database (own with DATABASE_PER_TEST, else the class's) and its
 * transaction (a level of the class transaction, or a pinned connection of its own).
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
public final class TestState implements Scope, AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final String test;
    private final DatabaseHandle ownDatabase;
    private final DatabaseHandle database;
    private final Resources resources = new Resources();
    private TestLevel classLevel;
    private Scope classScope;
    private TestTransaction own;
    private boolean ended;

    TestState(String test, DatabaseHandle ownDatabase, DatabaseHandle database) {
        this.test = test;
        this.ownDatabase = ownDatabase;
        this.database = database;
    }

    void useClassLevel(TestLevel level, TransactionSettings settings, Scope classScope) {
        level.beginTest(settings, test);
        this.classLevel = level;
        this.classScope = classScope;
    }

    @Override
    public Optional<Scope> sharedLoggerHome() {
        return Optional.ofNullable(classScope);
    }

    void useOwnTransaction(TestTransaction transaction) {
        this.own = transaction;
    }

    @Override
    public Optional<DatabaseHandle> database() {
        return Optional.ofNullable(database);
    }

    @Override
    public Optional<TestTransaction> transaction() {
        return own != null ? Optional.of(own) : Optional.ofNullable(classLevel).map(TestLevel::transaction);
    }

    @Override
    public Resources resources() {
        return resources;
    }

    @Override
    public String description() {
        return "test " + test;
    }

    /**
     * Ends the test: closes its resources, checks and rolls back its transaction (commits it instead when it failed
     * on a database of its own that is kept), then drops or keeps its own database. Throws what the checks found.
     */
    void end(ExtensionContext context, boolean failed) {
        ended = true;
        RuntimeException resourceFailure = resources.closeAll();
        try {
            endTransaction(failed);
        } finally {
            releaseConnection();
            if (failed && database != null) {
                database.markFailed();
            }
            if (ownDatabase != null) {
                ownDatabase.finish(context, description());
            }
        }
        if (resourceFailure != null) {
            throw resourceFailure;
        }
    }

    private void endTransaction(boolean failed) {
        if (classLevel != null) {
            classLevel.endTest(test);
        } else if (own != null) {
            if (failed && ownDatabase != null && ownDatabase.keepsFailures()) {
                own.commitForInspection();
            } else {
                own.close();
            }
        }
    }

    private void releaseConnection() {
        if (own != null) {
            own.discard(description() + " ended");
        }
    }

    /** Safety net when the test ends abnormally: release everything without checks. */
    @Override
    public void close() {
        if (ended) {
            return;
        }
        ended = true;
        resources.closeAll();
        try {
            if (classLevel != null) {
                classLevel.endTest(test);
            }
        } catch (RuntimeException e) {
            // the test has already failed for a reason JUnit reports; this is only clean-up
        }
        releaseConnection();
        if (ownDatabase != null) {
            ownDatabase.close();
        }
    }
}

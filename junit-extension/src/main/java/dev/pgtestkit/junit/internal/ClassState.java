package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.tx.TestLevel;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.junit.PgTest;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What the extension holds for one test class: its database (own or its enclosing class's) and transaction. */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
public final class ClassState implements Scope, AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Class<?> testClass;
    private final PgTest config;
    private final DatabaseHandle ownDatabase;
    private final DatabaseHandle database;
    private final TestLevel level;
    private final Resources resources = new Resources();

    ClassState(Class<?> testClass, PgTest config, DatabaseHandle ownDatabase, DatabaseHandle database,
               TestLevel level) {
        this.testClass = testClass;
        this.config = config;
        this.ownDatabase = ownDatabase;
        this.database = database;
        this.level = level;
    }

    public PgTest config() {
        return config;
    }

    Optional<TestLevel> level() {
        return Optional.ofNullable(level);
    }

    @Override
    public Optional<DatabaseHandle> database() {
        return Optional.ofNullable(database);
    }

    @Override
    public Optional<TestTransaction> transaction() {
        return level().map(TestLevel::transaction);
    }

    @Override
    public Resources resources() {
        return resources;
    }

    @Override
    public String description() {
        return "class " + testClass.getSimpleName();
    }

    /** Closes resources, rolls the class transaction back, drops (or keeps) the class's own database. */
    void finish(ExtensionContext context, boolean failed) {
        RuntimeException resourceFailure = resources.closeAll();
        try {
            if (level != null) {
                level.close();
            }
        } finally {
            if (ownDatabase != null) {
                if (failed) {
                    ownDatabase.markFailed();
                }
                ownDatabase.finish(context, description());
            }
        }
        if (resourceFailure != null) {
            throw resourceFailure;
        }
    }

    /** Safety net when the class ends abnormally: release everything without reporting. */
    @Override
    public void close() {
        resources.closeAll();
        if (level != null) {
            level.close();
        }
        if (ownDatabase != null) {
            ownDatabase.close();
        }
    }
}

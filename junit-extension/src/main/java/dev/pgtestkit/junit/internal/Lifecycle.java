package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.tx.TestLevel;
import dev.pgtestkit.core.tx.TransactionSettings;
import dev.pgtestkit.junit.Isolation;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.SessionCheck;
import dev.pgtestkit.junit.WithTransaction;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's callbacks. State lives in the extension store of each context, keyed by the context's unique id
 * (the store also answers from parent contexts, and a nested class must not pick up its enclosing class's entry).
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** The state of a class context, opened on first use (a PER_CLASS test instance can be created before). */
    public static ClassState classState(ExtensionContext classContext) {
        return classContext.getStore(Databases.NAMESPACE).getOrComputeIfAbsent(classKey(classContext),
                k -> openClass(classContext), ClassState.class);
    }

    public static ClassState beforeAll(ExtensionContext context) {
        return classState(context);
    }

    public static void afterAll(ExtensionContext context) {
        ClassState state = context.getStore(Databases.NAMESPACE).remove(classKey(context), ClassState.class);
        try {
            if (state != null) {
                state.finish(context, context.getExecutionException().isPresent());
            }
        } finally {
            ClassTransactionGate.leave(context);
        }
    }

    public static TestState beforeEach(ExtensionContext context) {
        ClassState classState = classState(classContext(context));
        PgTest config = classState.config();
        String test = testName(context);
        DatabaseHandle ownDatabase = config.isolation() == Isolation.DATABASE_PER_TEST
                ? Databases.checkout(context, config) : null;
        DatabaseHandle database = ownDatabase != null ? ownDatabase : classState.database().orElseThrow();
        TestState state = new TestState(test, ownDatabase, database);
        context.getStore(Databases.NAMESPACE).put(testKey(context), state);
        Optional<WithTransaction> annotation = Config.transaction(context.getRequiredTestClass(),
                context.getRequiredTestMethod());
        if (annotation.isPresent()) {
            TransactionSettings settings = Config.settings(annotation.get());
            if (annotation.get().otherSessions() == SessionCheck.SPACED) {
                settings = settings.withDetectOtherSessions(database.nextTestChecksSessions());
            }
            Optional<TestLevel> classLevel = classState.level();
            if (classLevel.isPresent()) {
                ClassTransactionGate.enter(context, classContext(context));
                state.useClassLevel(classLevel.get(), settings, classState);
            } else {
                state.useOwnTransaction(database.transactions().begin(settings, test));
            }
        } else if (database.hasTransactions()) {
            database.transactions().forgetCommits(); // a test without a transaction may commit: not a leak
        }
        return state;
    }

    public static void afterEach(ExtensionContext context) {
        TestState state = context.getStore(Databases.NAMESPACE).remove(testKey(context), TestState.class);
        try {
            if (state != null) {
                state.end(context, context.getExecutionException().isPresent());
            }
        } finally {
            ClassTransactionGate.leave(context);
        }
    }

    /** The scope a parameter of this context is resolved in: the test's, or the class's for lifecycle methods. */
    public static Scope scope(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            TestState state = context.getStore(Databases.NAMESPACE).get(testKey(context), TestState.class);
            if (state != null) {
                return state;
            }
        }
        return classState(classContext(context));
    }

    private static ClassState openClass(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        PgTest config = Config.pgTest(testClass).orElseThrow(() -> missingPgTest(testClass));
        ClassState parent = parentState(context);
        boolean ownsDatabase = parent == null || Config.declaresPgTest(testClass);
        DatabaseHandle ownDatabase = ownsDatabase && config.isolation() == Isolation.DATABASE_PER_CLASS
                ? Databases.checkout(context, config) : null;
        DatabaseHandle database = ownsDatabase ? ownDatabase : parent.database().orElse(null);
        try {
            TestLevel level = openClassLevel(context, parent, ownsDatabase, database);
            return new ClassState(testClass, config, ownDatabase, database, level);
        } catch (RuntimeException e) {
            if (ownDatabase != null) {
                ownDatabase.close();
            }
            throw e;
        }
    }

    private static TestLevel openClassLevel(ExtensionContext context, ClassState parent, boolean ownsDatabase,
                                            DatabaseHandle database) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<WithTransaction> annotation = Config.classTransaction(testClass);
        if (annotation.isEmpty() || database == null) {
            return null; // no class transaction, or one database per test: each test has its own transaction
        }
        TransactionSettings settings = Config.settings(annotation.get());
        String name = "class " + testClass.getSimpleName();
        Optional<TestLevel> outer = ownsDatabase ? Optional.empty() : parent.level();
        outer.ifPresent(level -> ClassTransactionGate.enterNested(context, parentContext(context)));
        return outer.map(level -> level.nested(settings, name))
                .orElseGet(() -> TestLevel.top(database.transactions().begin(settings, name), name));
    }

    private static ClassState parentState(ExtensionContext context) {
        ExtensionContext parent = parentContext(context);
        return parent != null && Config.pgTest(parent.getRequiredTestClass()).isPresent() ? classState(parent) : null;
    }

    /** The context of the enclosing class, for a nested class; null for a top-level class. */
    private static ExtensionContext parentContext(ExtensionContext context) {
        Optional<ExtensionContext> parent = context.getParent();
        while (parent.isPresent() && parent.get().getTestClass().isEmpty()) {
            parent = parent.get().getParent();
        }
        return parent.orElse(null);
    }

    /** The class context of a method context (skipping test-template containers). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    private static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + " > " + context.getDisplayName();
    }

    private static ContextKey classKey(ExtensionContext context) {
        return new ContextKey(ClassState.class, context);
    }

    private static ContextKey testKey(ExtensionContext context) {
        return new ContextKey(TestState.class, context);
    }

    /**
     * A store key naming the very context (JUnit hands the same instance to every callback of a test or class):
     * cheaper than the unique id, whose text is built on each call, several times per test.
     */
    private record ContextKey(Class<?> kind, ExtensionContext context) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ContextKey key && key.kind == kind && key.context == context;
        }

        @Override
        public int hashCode() {
            return 31 * kind.hashCode() + System.identityHashCode(context);
        }
    }

    /** A configuration error, as JUnit reports its own: the class cannot run as written. */
    private static ExtensionConfigurationException missingPgTest(Class<?> testClass) {
        return new ExtensionConfigurationException("Test class " + testClass.getName() + " uses @WithTransaction but has no "
                + "@PgTest, so there is no database to run in. Add @PgTest(migrations = \"classpath:db/migration\") "
                + "(or your locations) to the class or an enclosing class.");
    }
}

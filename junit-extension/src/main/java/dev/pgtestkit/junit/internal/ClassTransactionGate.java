package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.internal.ClassPath;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The older equivalent of {@link ClassTransactionLocks} for JUnit 5.10 and 5.11, which have no
 * {@code ResourceLocksProvider} (and ignore the annotation's {@code providers}): the children of a class whose
 * transaction spans the class (its tests and {@code @Nested} classes) take turns on a permit of that class, held
 * from a test's {@code beforeEach} to its {@code afterEach}, and from a nested class's {@code beforeAll} to its
 * {@code afterAll}. Without parallel execution, nobody ever waits. A semaphore, not a lock: JUnit may run a nested
 * class's callbacks on different threads. Waiting goes through {@link ForkJoinPool#managedBlock}, as JUnit's own
 * resource locks do: JUnit's workers are ForkJoin threads, and a nested class holding its parent's permit needs a
 * free worker for its own tests while its parent's other tests wait; a plain blocking wait starved the pool.
 *
 * <p>A {@code @Nested} class whose tests run concurrently cannot take turns this way: the worker holding the
 * permit for the nested class joins its tests, and ForkJoin may hand that worker a waiting test of the enclosing
 * class, which then waits for a permit its own thread holds (JUnit 5.12+ defers such work; 5.10/5.11 give an
 * extension no way to). {@link #enterNested} refuses that case with the fix instead of hanging at random.
 */
final class ClassTransactionGate {

    /** Whether this JUnit lacks resource lock providers, so the extension must serialize class transactions. */
    static final boolean NEEDED = !ClassPath.has("org.junit.jupiter.api.parallel.ResourceLocksProvider");

    private ClassTransactionGate() {
    }

    /**
     * Waits for the permit of {@code parentClass} and keeps it in {@code child}'s store until {@link #leave}, or
     * until JUnit closes that store (when {@code child} ends without reaching its after-callback).
     */
    static void enter(ExtensionContext child, ExtensionContext parentClass) {
        if (!NEEDED) {
            return;
        }
        Semaphore permit = parentClass.getStore(Databases.NAMESPACE).getOrComputeIfAbsent(
                "gate:" + parentClass.getUniqueId(), k -> new Semaphore(1), Semaphore.class);
        acquire(permit);
        child.getStore(Databases.NAMESPACE).put(key(child), new Held(permit));
    }

    /** {@link #enter} for a nested class, which holds its enclosing class's permit while its children run. */
    static void enterNested(ExtensionContext nested, ExtensionContext enclosing) {
        if (NEEDED && runsChildrenConcurrently(nested)) {
            throw new ExtensionConfigurationException(nestedInParallelMessage(nested.getRequiredTestClass(),
                    enclosing.getRequiredTestClass(), junitVersion()));
        }
        enter(nested, enclosing);
    }

    private static boolean runsChildrenConcurrently(ExtensionContext nested) {
        return nested.getExecutionMode() == ExecutionMode.CONCURRENT && nested.getConfigurationParameter(
                "junit.jupiter.execution.parallel.enabled").map(Boolean::parseBoolean).orElse(false);
    }

    static String nestedInParallelMessage(Class<?> nested, Class<?> enclosing, String junitVersion) {
        return "@Nested class " + nested.getName() + " shares the class-level @WithTransaction of "
                + enclosing.getName() + ", and JUnit " + junitVersion + " cannot run its tests in parallel while "
                + "the enclosing class's tests wait for it (a worker joining the nested tests may pick up a waiting "
                + "test of the enclosing class, which would then wait forever). Add "
                + "@Execution(ExecutionMode.SAME_THREAD) to " + enclosing.getSimpleName() + " (a class transaction "
                + "runs its tests one at a time anyway; other classes stay parallel), or use JUnit 5.12 or later, "
                + "where pgtestkit serializes them with a resource lock.";
    }

    private static String junitVersion() {
        String version = ExtensionContext.class.getPackage().getImplementationVersion();
        return version != null ? version : "before 5.12";
    }

    private static void acquire(Semaphore permit) {
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                private boolean acquired;

                @Override
                public boolean block() throws InterruptedException {
                    if (!acquired) {
                        permit.acquire();
                        acquired = true;
                    }
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return acquired || (acquired = permit.tryAcquire());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another test of the same class "
                    + "transaction to finish", e);
        }
    }

    static void leave(ExtensionContext child) {
        if (NEEDED) {
            Held held = child.getStore(Databases.NAMESPACE).remove(key(child), Held.class);
            if (held != null) {
                held.close();
            }
        }
    }

    private static String key(ExtensionContext child) {
        return "gate-held:" + child.getUniqueId();
    }

    /** A permit held; released once. Closeable for every JUnit version's store. */
    @SuppressWarnings("deprecation")
    private static final class Held implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final Semaphore permit;
        private boolean released;

        Held(Semaphore permit) {
            this.permit = permit;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                permit.release();
            }
        }
    }
}

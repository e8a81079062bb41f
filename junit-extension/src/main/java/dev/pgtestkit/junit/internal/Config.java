package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.tx.TransactionSettings;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.SessionCheck;
import dev.pgtestkit.junit.WithTransaction;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/** Reads the annotations: a class's own, inherited from superclasses, or from its enclosing classes. */
public final class Config {

    /** Per test class: each method's {@link WithTransaction} (a test asks for it on every run). */
    private static final ClassValue<Map<Method, Optional<WithTransaction>>> TRANSACTIONS = perClass();

    private Config() {
    }

    /** A map per test class, for what a test looks up on every run and its class or method decides once. */
    public static <K, V> ClassValue<Map<K, V>> perClass() {
        return new ClassValue<>() {
            @Override
            protected Map<K, V> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };
    }

    /** The {@link PgTest} of the class, its superclasses or the nearest enclosing class that has one. */
    public static Optional<PgTest> pgTest(Class<?> testClass) {
        return nearest(testClass, PgTest.class);
    }

    /** Whether the class itself (or a superclass) declares {@link PgTest}, rather than only an enclosing class. */
    public static boolean declaresPgTest(Class<?> testClass) {
        return AnnotationSupport.isAnnotated(testClass, PgTest.class);
    }

    /** A class-level {@link WithTransaction} on the class, a superclass or an enclosing class. */
    public static Optional<WithTransaction> classTransaction(Class<?> testClass) {
        return nearest(testClass, WithTransaction.class);
    }

    /** The method's own {@link WithTransaction}, else the class-level one; looked up once per class and method. */
    public static Optional<WithTransaction> transaction(Class<?> testClass, Method method) {
        return TRANSACTIONS.get(testClass).computeIfAbsent(method,
                m -> find(m, WithTransaction.class).or(() -> classTransaction(testClass)));
    }

    public static TransactionSettings settings(WithTransaction annotation) {
        if (annotation.threadWaitSeconds() <= 0) {
            throw new ExtensionConfigurationException("@WithTransaction(threadWaitSeconds) must be positive, was "
                    + annotation.threadWaitSeconds());
        }
        return TransactionSettings.defaults().withThreads(annotation.threads())
                .withThreadWait(Duration.ofSeconds(annotation.threadWaitSeconds()))
                .withResetSequences(annotation.resetSequences())
                .withDetectOtherSessions(annotation.otherSessions() != SessionCheck.NEVER)
                .withDetectCommits(annotation.otherSessions() != SessionCheck.NEVER)
                .withStatementSavepoints(annotation.statementSavepoints())
                .withIsolationLevel(annotation.isolationLevel());
    }

    private static <A extends java.lang.annotation.Annotation> Optional<A> nearest(Class<?> start, Class<A> type) {
        for (Class<?> c = start; c != null; c = c.getEnclosingClass()) {
            Optional<A> found = find(c, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static <A extends java.lang.annotation.Annotation> Optional<A> find(AnnotatedElement element,
                                                                               Class<A> type) {
        return AnnotationSupport.findAnnotation(element, type);
    }
}

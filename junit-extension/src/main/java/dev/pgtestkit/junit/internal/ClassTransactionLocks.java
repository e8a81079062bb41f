package dev.pgtestkit.junit.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * Serialises the tests of a class whose transaction spans the class: they share one connection, so they cannot run
 * at the same time. JUnit runs the children of a class holding an exclusive lock in one thread; other classes
 * keep running in parallel. Tests with a transaction of their own need no lock.
 */
public final class ClassTransactionLocks implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return lockFor(testClass);
    }

    @Override
    public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        return lockFor(testClass);
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return Set.of();
    }

    private static Set<Lock> lockFor(Class<?> testClass) {
        if (Config.classTransaction(testClass).isEmpty()) {
            return Set.of();
        }
        // @Nested classes are inner classes sharing their enclosing class's connection; a static nested class is a
        // test class of its own.
        Class<?> top = testClass;
        while (top.getEnclosingClass() != null && !Modifier.isStatic(top.getModifiers())) {
            top = top.getEnclosingClass();
        }
        return Set.of(new Lock("dev.pgtestkit.junit.class-transaction:" + top.getName()));
    }
}

package dev.pgtestkit.core.schema;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real connection and counts the statements executed through it (every {@code execute*} call on any
 * statement it hands out), so a test can see how many queries the code under test sent.
 */
final class CountingConnection {

    private final AtomicInteger executions = new AtomicInteger();
    private final Connection connection;

    CountingConnection(Connection real) {
        this.connection = proxy(Connection.class, real);
    }

    Connection connection() {
        return connection;
    }

    int executions() {
        return executions.get();
    }

    private <T> T proxy(Class<T> type, Object target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && target instanceof Statement) {
                executions.incrementAndGet();
            }
            Object result = invoke(method, target, args);
            if (result instanceof Statement && method.getReturnType().isInterface()) {
                return proxy(method.getReturnType(), result);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

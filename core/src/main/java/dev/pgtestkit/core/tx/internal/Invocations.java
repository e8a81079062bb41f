package dev.pgtestkit.core.tx.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls through to the wrapped JDBC object, rethrowing what it threw rather than a reflection wrapper. */
final class Invocations {

    private Invocations() {
    }

    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** For {@code unwrap}: the proxy itself when it implements the interface, else the target's answer. */
    static Object unwrap(Object proxy, Object target, Class<?> iface) throws Exception {
        if (iface.isInstance(proxy)) {
            return proxy;
        }
        return ((java.sql.Wrapper) target).unwrap(iface);
    }

    static boolean isWrapperFor(Object proxy, Object target, Class<?> iface) throws Exception {
        return iface.isInstance(proxy) || ((java.sql.Wrapper) target).isWrapperFor(iface);
    }
}

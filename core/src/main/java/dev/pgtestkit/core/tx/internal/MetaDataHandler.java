package dev.pgtestkit.core.tx.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.DatabaseMetaData;

/** Database metadata of a logical connection: queries hold the thread lock; {@code getConnection()} is logical. */
final class MetaDataHandler implements InvocationHandler {

    private final LogicalConnection connection;
    private final DatabaseMetaData target;

    MetaDataHandler(LogicalConnection connection, DatabaseMetaData target) {
        this.connection = connection;
        this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "getConnection" -> connection.proxy();
            case "unwrap" -> Invocations.unwrap(proxy, target, (Class<?>) args[0]);
            case "isWrapperFor" -> Invocations.isWrapperFor(proxy, target, (Class<?>) args[0]);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> target.toString();
            default -> connection.run(() -> Invocations.invoke(target, method, args));
        };
    }
}

package dev.pgtestkit.core.tx.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Statement;

/**
 * Wraps a statement of a logical connection: executions go through {@link LogicalConnection#execute} (thread lock,
 * unit of work, SQL checks) and {@code getConnection()} answers the logical connection, never the physical one.
 */
final class StatementHandler implements InvocationHandler {

    private final LogicalConnection connection;
    private final Statement target;
    private final SqlCommand prepared;
    private final String preparedSql;
    private Statement self;

    /** {@code preparedSql} only when the prepared SQL is not ordinary (its modes are read when it runs). */
    StatementHandler(LogicalConnection connection, Statement target, SqlCommand prepared, String preparedSql) {
        this.connection = connection;
        this.target = target;
        this.prepared = prepared;
        this.preparedSql = preparedSql;
    }

    void bind(Statement proxy) {
        this.self = proxy;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch",
                 "executeLargeBatch" -> connection.execute(target, method, args, prepared, preparedSql);
            case "addBatch" -> addBatch(method, args);
            case "getConnection" -> connection.proxy();
            case "close" -> {
                connection.forget(self);
                yield Invocations.invoke(target, method, args);
            }
            case "unwrap" -> Invocations.unwrap(proxy, target, (Class<?>) args[0]);
            case "isWrapperFor" -> Invocations.isWrapperFor(proxy, target, (Class<?>) args[0]);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> target.toString();
            default -> Invocations.invoke(target, method, args);
        };
    }

    private Object addBatch(Method method, Object[] args) throws Throwable {
        if (args != null && args.length == 1 && args[0] instanceof String sql) {
            connection.checkBatchable(sql);
        }
        return Invocations.invoke(target, method, args);
    }
}

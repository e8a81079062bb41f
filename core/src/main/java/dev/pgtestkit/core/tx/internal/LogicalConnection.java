package dev.pgtestkit.core.tx.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A {@link Connection} the code under test gets from the pinned DataSource: a view of the pinned connection whose
 * transactions are savepoints (see {@link PinnedConnection}).
 *
 * <ul>
 *   <li>Auto-commit (the default): each statement runs on its own, holding the statement lock while it runs.</li>
 *   <li>Auto-commit off, or SQL {@code BEGIN}: the first statement opens a unit (a savepoint, holding the unit
 *       lock); {@code commit()} releases it, {@code rollback()} rolls back to it, {@code setAutoCommit(true)}
 *       commits it, {@code close()} rolls it back. None of them ends the test transaction.</li>
 *   <li>Isolation level: the test transaction's level is reported; asking for it or a weaker one is accepted (JDBC
 *       lets a driver run a stronger level than asked), a stronger one is refused: it cannot change once the
 *       transaction has begun. The same for {@code BEGIN ISOLATION LEVEL ...} and {@code SET TRANSACTION}.</li>
 *   <li>Read-only: a unit of a read-only connection (or {@code BEGIN READ ONLY}, {@code SET TRANSACTION READ ONLY})
 *       runs {@code SET TRANSACTION READ ONLY} in its savepoint, so writes fail as they would; in auto-commit mode
 *       it is not enforced, as with PgJDBC's default {@code readOnlyMode=transaction}.</li>
 *   <li>Network timeout is recorded and reported back, not applied.</li>
 *   <li>SQL that cannot run in a transaction block fails before it is sent, with an explanation.</li>
 * </ul>
 */
final class LogicalConnection implements InvocationHandler {

    private final PinnedConnection pinned;
    private final int id;
    private final Connection proxy;
    private final Set<Statement> statements = Collections.synchronizedSet(Collections.newSetFromMap(
            new IdentityHashMap<>()));
    private final UnitOfWork work;
    private volatile boolean closed;
    private int networkTimeout;

    LogicalConnection(PinnedConnection pinned, int id) {
        this.pinned = pinned;
        this.id = id;
        this.work = new UnitOfWork(pinned, this);
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this);
    }

    Connection proxy() {
        return proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close", "abort" -> close();
            case "isClosed" -> {
                return closed;
            }
            case "isValid" -> {
                return !closed && pinned.isOpen();
            }
            case "getAutoCommit" -> {
                checkOpen();
                return work.autoCommit();
            }
            case "setAutoCommit" -> {
                checkOpen();
                work.setAutoCommit((Boolean) args[0]);
            }
            case "commit" -> {
                checkOpen();
                work.endTransaction(true);
            }
            case "rollback" -> rollback(method, args);
            case "setSavepoint" -> {
                return setSavepoint(method, args);
            }
            case "releaseSavepoint" -> run(() -> Invocations.invoke(pinned.physical(), method, args));
            case "createStatement", "prepareStatement", "prepareCall" -> {
                return statement(method, args);
            }
            default -> {
                return settingOrDelegate(method, args);
            }
        }
        return null;
    }

    private Object settingOrDelegate(Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getMetaData" -> {
                checkOpen();
                DatabaseMetaData target = pinned.physical().getMetaData();
                return Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                        new Class<?>[] {DatabaseMetaData.class}, new MetaDataHandler(this, target));
            }
            case "setTransactionIsolation" -> {
                checkOpen();
                work.setIsolation((Integer) args[0]);
            }
            case "getTransactionIsolation" -> {
                checkOpen();
                return pinned.isolationLevel().jdbcLevel();
            }
            case "setReadOnly" -> {
                checkOpen();
                work.setReadOnly((Boolean) args[0]);
            }
            case "isReadOnly" -> {
                return work.readOnly();
            }
            case "setNetworkTimeout" -> networkTimeout = (Integer) args[1];
            case "getNetworkTimeout" -> {
                return networkTimeout;
            }
            default -> {
                return objectMethodOrDelegate(method, args);
            }
        }
        return null;
    }

    private Object objectMethodOrDelegate(Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "unwrap" -> unwrap((Class<?>) args[0]);
            case "isWrapperFor" -> Invocations.isWrapperFor(proxy, pinned.physical(), (Class<?>) args[0]);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> toString();
            default -> {
                checkOpen();
                yield Invocations.invoke(pinned.physical(), method, args);
            }
        };
    }

    /**
     * Runs one JDBC call of the code under test on the physical connection: inside this connection's unit when
     * auto-commit is off, and always holding the statement lock.
     */
    Object run(Call call) throws Throwable {
        checkOpen();
        work.ensureIfInTransaction();
        boolean protectedCall = pinned.enterStatement();
        try {
            return call.call();
        } catch (SQLException e) {
            throw explain(e);
        } finally {
            pinned.exitStatement(protectedCall);
            pinned.noteStatement(this); // after the lock: the monitor is never taken inside it
        }
    }

    /**
     * A write inside another connection's read-only unit, or an aborted transaction in auto-commit mode, surprises:
     * say why it happened and how to avoid it.
     */
    private SQLException explain(SQLException e) {
        if ("25006".equals(e.getSQLState())) {
            return pinned.readOnlyUnitOfOther(this).map(owner -> TransactionErrors.writeInReadOnlyUnit(this, owner, e))
                    .orElse(e);
        }
        if (!"25P02".equals(e.getSQLState()) || !work.inAutoCommitMode() || pinned.settings().statementSavepoints()) {
            return e;
        }
        return new SQLException("Current transaction is aborted: an earlier statement failed, and in the test "
                + "transaction of @WithTransaction a failing statement aborts the transaction as it would between "
                + "BEGIN and COMMIT (a real auto-commit connection would have carried on). If the test or the code "
                + "under test catches such failures and continues, use @WithTransaction(statementSavepoints = true).",
                "25P02", e);
    }

    /** Executes a statement method, first handling SQL that needs more than passing through. */
    Object execute(Object target, Method method, Object[] args, SqlCommand prepared, String preparedSql)
            throws Throwable {
        boolean ownSql = args != null && args.length > 0 && args[0] instanceof String;
        String sql = ownSql ? (String) args[0] : preparedSql;
        SqlCommand command = ownSql ? SqlScanner.classify(sql, pinned.standardConformingStrings()) : prepared;
        if (command.kind() != SqlCommand.Kind.ORDINARY) {
            return emulate(command, sql, method);
        }
        return run(() -> Invocations.invoke(target, method, args));
    }

    /** Refuses, in a batch, what cannot run in a transaction block or would end a transaction mid-batch. */
    void checkBatchable(String sql) {
        SqlCommand command = SqlScanner.classify(sql, pinned.standardConformingStrings());
        if (command.kind() == SqlCommand.Kind.NOT_IN_TRANSACTION) {
            throw TransactionErrors.notInTransaction(command);
        }
        if (command.kind() != SqlCommand.Kind.ORDINARY) {
            throw TransactionErrors.controlInBatch(command);
        }
    }

    void forget(Statement statement) {
        statements.remove(statement);
    }

    private Object emulate(SqlCommand command, String sql, Method method) throws SQLException {
        checkOpen();
        switch (command.kind()) {
            case NOT_IN_TRANSACTION -> throw TransactionErrors.notInTransaction(command);
            case CONTROL_IN_BATCH -> throw TransactionErrors.controlInBatch(command);
            case BEGIN -> work.begin(modes(sql));
            case SET_TRANSACTION -> work.setTransaction(command, modes(sql));
            case COMMIT -> work.endBlock(true);
            case ROLLBACK -> work.endBlock(false);
            default -> throw new IllegalStateException(command.toString());
        }
        return switch (method.getName()) {
            case "executeUpdate" -> 0;
            case "executeLargeUpdate" -> 0L;
            case "executeQuery" -> throw new SQLException("No results were returned by the query: " + command.command()
                    + " is handled by pgtestkit's test transaction.", "02000");
            default -> false;
        };
    }

    private static TransactionModes modes(String sql) throws SQLException {
        try {
            return SqlScanner.modes(sql);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "42601", e);
        }
    }

    private void rollback(Method method, Object[] args) throws Throwable {
        checkOpen();
        if (args == null || args.length == 0) {
            work.endTransaction(false);
            return;
        }
        work.requireTransaction("roll back to a savepoint");
        run(() -> Invocations.invoke(pinned.physical(), method, args));
    }

    private Object setSavepoint(Method method, Object[] args) throws Throwable {
        checkOpen();
        work.requireTransaction("establish a savepoint");
        return run(() -> Invocations.invoke(pinned.physical(), method, args));
    }

    private Object statement(Method method, Object[] args) throws Throwable {
        checkOpen();
        SqlCommand prepared = SqlCommand.ORDINARY;
        if (!method.getName().equals("createStatement")) {
            prepared = SqlScanner.classify((String) args[0], pinned.standardConformingStrings());
            if (prepared.kind() == SqlCommand.Kind.NOT_IN_TRANSACTION) {
                throw TransactionErrors.notInTransaction(prepared);
            }
        }
        Statement target = (Statement) Invocations.invoke(pinned.physical(), method, args);
        Class<?> type = method.getReturnType();
        StatementHandler handler = new StatementHandler(this, target, prepared,
                prepared.kind() == SqlCommand.Kind.ORDINARY ? null : (String) args[0]);
        Statement wrapped = (Statement) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        handler.bind(wrapped);
        statements.add(wrapped);
        return wrapped;
    }

    private Object unwrap(Class<?> iface) throws Exception {
        if (iface.isInstance(proxy)) {
            return proxy;
        }
        checkOpen();
        work.ensureIfInTransaction(); // e.g. COPY through the PGConnection belongs to this connection's transaction
        return pinned.physical().unwrap(iface);
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            work.rollBackOnClose();
        } finally {
            closeStatements();
        }
    }

    private void closeStatements() {
        List<Statement> open;
        synchronized (statements) {
            open = new ArrayList<>(statements);
            statements.clear();
        }
        for (Statement statement : open) {
            try {
                statement.close();
            } catch (SQLException | RuntimeException e) {
                // already closed with its connection; nothing to release
            }
        }
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("This connection has been closed.", "08003");
        }
        pinned.checkOpen();
    }

    @Override
    public String toString() {
        return "#" + id + " (pgtestkit logical connection to " + pinned.database() + ")";
    }

    /** One JDBC call on the physical connection or a statement. */
    @FunctionalInterface
    interface Call {
        Object call() throws Throwable;
    }
}

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
 *   <li>Isolation level, read-only and network timeout are recorded and reported back, not applied: they cannot
 *       change inside the test transaction.</li>
 *   <li>SQL that cannot run in a transaction block fails before it is sent, with an explanation.</li>
 * </ul>
 */
final class LogicalConnection implements InvocationHandler {

    private final PinnedConnection pinned;
    private final int id;
    private final Connection proxy;
    private final Set<Statement> statements = Collections.synchronizedSet(Collections.newSetFromMap(
            new IdentityHashMap<>()));
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean explicitBlock;
    private Mark unit;
    private boolean readOnly;
    private int isolation = Connection.TRANSACTION_READ_COMMITTED;
    private int networkTimeout;

    LogicalConnection(PinnedConnection pinned, int id) {
        this.pinned = pinned;
        this.id = id;
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
                return autoCommit;
            }
            case "setAutoCommit" -> setAutoCommit((Boolean) args[0]);
            case "commit" -> endTransaction(true);
            case "rollback" -> rollback(args);
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
            case "setTransactionIsolation" -> isolation = (Integer) args[0];
            case "getTransactionIsolation" -> {
                return isolation;
            }
            case "setReadOnly" -> readOnly = (Boolean) args[0];
            case "isReadOnly" -> {
                return readOnly;
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
        if (!autoCommit || explicitBlock) {
            ensureUnit();
        }
        boolean protectedCall = pinned.enterStatement();
        try {
            return call.call();
        } catch (SQLException e) {
            throw explainAborted(e);
        } finally {
            pinned.exitStatement(protectedCall);
            pinned.noteStatement(this); // after the lock: the monitor is never taken inside it
        }
    }

    /** In auto-commit mode an aborted transaction surprises: say why it happened and how to avoid it. */
    private SQLException explainAborted(SQLException e) {
        boolean autoCommitMode = autoCommit && !explicitBlock;
        if (!"25P02".equals(e.getSQLState()) || !autoCommitMode || pinned.settings().statementSavepoints()) {
            return e;
        }
        return new SQLException("Current transaction is aborted: an earlier statement failed, and in the test "
                + "transaction of @WithTransaction a failing statement aborts the transaction as it would between "
                + "BEGIN and COMMIT (a real auto-commit connection would have carried on). If the test or the code "
                + "under test catches such failures and continues, use @WithTransaction(statementSavepoints = true).",
                "25P02", e);
    }

    /** Executes a statement method, first handling SQL that needs more than passing through. */
    Object execute(Object target, Method method, Object[] args, SqlCommand prepared) throws Throwable {
        SqlCommand command = args != null && args.length > 0 && args[0] instanceof String sql
                ? SqlScanner.classify(sql) : prepared;
        if (command.kind() != SqlCommand.Kind.ORDINARY) {
            return emulate(command, method);
        }
        return run(() -> Invocations.invoke(target, method, args));
    }

    /** Refuses, in a batch, what cannot run in a transaction block or would end a transaction mid-batch. */
    void checkBatchable(String sql) {
        SqlCommand command = SqlScanner.classify(sql);
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

    private Object emulate(SqlCommand command, Method method) throws SQLException {
        checkOpen();
        switch (command.kind()) {
            case NOT_IN_TRANSACTION -> throw TransactionErrors.notInTransaction(command);
            case CONTROL_IN_BATCH -> throw TransactionErrors.controlInBatch(command);
            case BEGIN -> {
                explicitBlock = true;
                ensureUnit();
            }
            case COMMIT -> endBlock(true);
            case ROLLBACK -> endBlock(false);
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

    private void endBlock(boolean commit) throws SQLException {
        if (explicitBlock || !autoCommit) {
            endUnit(commit);
        }
        explicitBlock = false;
    }

    private void setAutoCommit(boolean on) throws SQLException {
        checkOpen();
        if (on && !autoCommit) {
            endUnit(true);
            explicitBlock = false;
        }
        autoCommit = on;
    }

    private void endTransaction(boolean commit) throws SQLException {
        checkOpen();
        if (autoCommit && !explicitBlock) {
            throw new SQLException("Cannot " + (commit ? "commit" : "rollback") + " when autoCommit is enabled.",
                    "25P01");
        }
        endUnit(commit);
        explicitBlock = false;
    }

    private void rollback(Object[] args) throws Throwable {
        if (args == null || args.length == 0) {
            endTransaction(false);
            return;
        }
        requireUnit("roll back to a savepoint");
        Savepoint savepoint = (Savepoint) args[0];
        run(() -> {
            pinned.physical().rollback(savepoint);
            return null;
        });
    }

    private Object setSavepoint(Method method, Object[] args) throws Throwable {
        requireUnit("establish a savepoint");
        return run(() -> Invocations.invoke(pinned.physical(), method, args));
    }

    private void requireUnit(String what) throws SQLException {
        checkOpen();
        if (autoCommit && !explicitBlock) {
            throw new SQLException("Cannot " + what + " in auto-commit mode.", "25P01");
        }
    }

    private void ensureUnit() throws SQLException {
        if (unit == null || !unit.alive) {
            unit = pinned.openUnit(this);
        }
    }

    private void endUnit(boolean commit) throws SQLException {
        Mark ending = unit;
        unit = null;
        if (ending == null || !ending.alive) {
            return; // nothing ran since the last commit, or the test level already rolled it back
        }
        if (commit) {
            pinned.release(ending);
        } else {
            pinned.rollbackTo(ending, false);
        }
    }

    private Object statement(Method method, Object[] args) throws Throwable {
        checkOpen();
        SqlCommand prepared = SqlCommand.ORDINARY;
        if (!method.getName().equals("createStatement")) {
            prepared = SqlScanner.classify((String) args[0]);
            if (prepared.kind() == SqlCommand.Kind.NOT_IN_TRANSACTION) {
                throw TransactionErrors.notInTransaction(prepared);
            }
        }
        Statement target = (Statement) Invocations.invoke(pinned.physical(), method, args);
        Class<?> type = method.getReturnType();
        StatementHandler handler = new StatementHandler(this, target, prepared);
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
        if (!autoCommit || explicitBlock) {
            ensureUnit(); // e.g. COPY through the PGConnection belongs to this connection's transaction
        }
        return pinned.physical().unwrap(iface);
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pinned.isOpen() && unit != null && unit.alive) {
                // A JDBC connection closed with its transaction open loses that transaction.
                pinned.rollbackTo(unit, false);
            }
        } finally {
            unit = null;
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

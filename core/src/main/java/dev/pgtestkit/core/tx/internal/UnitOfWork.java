package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.IsolationLevel;
import java.sql.SQLException;

/**
 * The transaction state of one logical connection, emulated on the pinned connection: auto-commit, an explicit SQL
 * {@code BEGIN} block, the open unit of work (a savepoint), and the transaction modes the code asked for. Callers
 * check that the connection is open; not thread-safe (a JDBC connection is used by one thread at a time).
 */
final class UnitOfWork {

    private final PinnedConnection pinned;
    private final LogicalConnection owner;
    private boolean autoCommit = true;
    private boolean explicitBlock;
    private boolean readOnly;
    private Mark unit;

    UnitOfWork(PinnedConnection pinned, LogicalConnection owner) {
        this.pinned = pinned;
        this.owner = owner;
    }

    boolean autoCommit() {
        return autoCommit;
    }

    /** Whether statements run on their own: auto-commit on and no SQL {@code BEGIN} block. */
    boolean inAutoCommitMode() {
        return autoCommit && !explicitBlock;
    }

    boolean readOnly() {
        return readOnly;
    }

    /** Opens the unit when the connection is in a transaction and none is open yet. */
    void ensureIfInTransaction() throws SQLException {
        if (!inAutoCommitMode()) {
            ensure(readOnly);
        }
    }

    void setAutoCommit(boolean on) throws SQLException {
        if (on && !autoCommit) {
            end(true);
            explicitBlock = false;
        }
        autoCommit = on;
    }

    /** JDBC {@code commit()} / {@code rollback()}. */
    void endTransaction(boolean commit) throws SQLException {
        if (inAutoCommitMode()) {
            throw new SQLException("Cannot " + (commit ? "commit" : "rollback") + " when autoCommit is enabled.",
                    "25P01");
        }
        end(commit);
        explicitBlock = false;
    }

    /** SQL {@code COMMIT} / {@code ROLLBACK}: outside a transaction, nothing (PostgreSQL only warns). */
    void endBlock(boolean commit) throws SQLException {
        if (!inAutoCommitMode()) {
            end(commit);
        }
        explicitBlock = false;
    }

    /** SQL {@code BEGIN [modes]}: opens a unit, read-only as the modes (else the connection) say. */
    void begin(TransactionModes modes) throws SQLException {
        requireIsolation(modes.isolation(), "BEGIN ISOLATION LEVEL");
        explicitBlock = true;
        ensure(modes.readOnly() != null ? modes.readOnly() : readOnly);
    }

    /**
     * {@code SET TRANSACTION} applies to the open unit (outside one it does nothing, as in PostgreSQL);
     * {@code SET SESSION CHARACTERISTICS AS TRANSACTION} to the connection's later units.
     */
    void setTransaction(SqlCommand command, TransactionModes modes) throws SQLException {
        requireIsolation(modes.isolation(), command.command());
        Boolean askedReadOnly = modes.readOnly();
        if (askedReadOnly == null) {
            return;
        }
        if (command.command().startsWith("SET SESSION")) {
            readOnly = askedReadOnly;
        } else if (isOpen() && askedReadOnly && !unit.readOnly) {
            pinned.readOnly(unit);
        } else if (isOpen() && !askedReadOnly && unit.readOnly) {
            throw new SQLException("cannot set transaction read-write mode inside a read-only transaction", "25006");
        }
    }

    /** JDBC {@code setTransactionIsolation}. */
    void setIsolation(int level) throws SQLException {
        requireNoUnit("isolation level");
        IsolationLevel asked;
        try {
            asked = IsolationLevel.ofJdbc(level);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "0A000", e);
        }
        requireIsolation(asked, "setTransactionIsolation");
    }

    /** JDBC {@code setReadOnly}. */
    void setReadOnly(boolean on) throws SQLException {
        requireNoUnit("read-only property");
        readOnly = on;
    }

    /** For savepoint calls, which JDBC refuses in auto-commit mode. */
    void requireTransaction(String what) throws SQLException {
        if (inAutoCommitMode()) {
            throw new SQLException("Cannot " + what + " in auto-commit mode.", "25P01");
        }
    }

    /** A JDBC connection closed with its transaction open loses that transaction. */
    void rollBackOnClose() throws SQLException {
        Mark open = unit;
        unit = null;
        if (pinned.isOpen() && open != null && open.alive) {
            pinned.rollbackTo(open, false);
        }
    }

    /** As PgJDBC: neither may change while this connection's transaction (unit) is open. */
    private void requireNoUnit(String property) throws SQLException {
        if (isOpen()) {
            throw new SQLException("Cannot change transaction " + property + " in the middle of a transaction.",
                    "25001");
        }
    }

    /** A weaker level than the test transaction's, or the same, is honoured by it; a stronger one is refused. */
    private void requireIsolation(IsolationLevel asked, String how) {
        IsolationLevel actual = pinned.isolationLevel();
        if (asked != null && asked.compareTo(actual) > 0) {
            throw TransactionErrors.strongerIsolation(owner, how, asked, actual);
        }
    }

    private boolean isOpen() {
        return unit != null && unit.alive;
    }

    private void ensure(boolean readOnlyUnit) throws SQLException {
        if (!isOpen()) {
            unit = pinned.openUnit(owner, readOnlyUnit);
        }
    }

    private void end(boolean commit) throws SQLException {
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
}

package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.StatementType;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A logged connection: hands out logging statements, shows the in-flight scanner what it is running, and records
 * the executions still waiting for their result sets when it closes.
 */
public final class LoggingConnection extends DelegatingConnection {

    final Recorder recorder;
    /** Where plans of its slow statements are captured; may be null. */
    final DataSource planSource;
    /** The execution in progress, for the in-flight scanner; null when idle. */
    volatile RecordedEvent running;
    private final List<LoggingStatement> awaitingResults = new ArrayList<>(2);
    /** This session created a temporary table: plans of its slow statements are captured on it. */
    private volatile boolean temporaryTables;
    /**
     * DDL ran since the last commit or rollback: what it created no other session sees until the commit. Set
     * whatever {@code getAutoCommit()} says (a test-transaction engine's connection reports auto-commit while it
     * holds everything in one transaction); at worst a committed table is explained on the session too.
     */
    private volatile boolean uncommittedDdl;
    /** A plan on another connection did not see a table of one of this session's statements. */
    volatile boolean privateTablesFound;
    private String statementName;

    LoggingConnection(Recorder recorder, Connection delegate, DataSource planSource) {
        super(delegate);
        this.recorder = recorder;
        this.planSource = planSource;
    }

    /**
     * Names the statements this connection executes from now on (e.g. a Jdbi SQL object method), until called
     * again; null clears the name.
     */
    public void nameStatements(String name) {
        this.statementName = name;
    }

    /** Notes what a completed execution tells about tables only this session sees. */
    void observe(RecordedEvent event) {
        if (event.failed) {
            return;
        }
        SqlInfo info = event.info;
        if (info.createsTemporary) {
            temporaryTables = true;
        } else if (info.endsTransaction) {
            uncommittedDdl = false;
        } else if (info.lexerType == StatementType.DDL && !uncommittedDdl) {
            uncommittedDdl = true;
        }
    }

    /**
     * Whether plans of this session's slow statements are captured on the session itself: it may use tables no
     * other connection sees.
     */
    boolean explainsOnItself() {
        return temporaryTables || uncommittedDdl || privateTablesFound;
    }

    /** The raw connection beneath the logger (what a session plan runs on). */
    Connection session() {
        return delegate;
    }

    @Override
    public void commit() throws SQLException {
        delegate.commit();
        uncommittedDdl = false;
    }

    @Override
    public void rollback() throws SQLException {
        delegate.rollback();
        uncommittedDdl = false;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        delegate.setAutoCommit(autoCommit);
        if (autoCommit) {
            uncommittedDdl = false; // switching it on commits
        }
    }

    String statementName() {
        return statementName;
    }

    void awaitingResult(LoggingStatement statement) {
        synchronized (awaitingResults) {
            awaitingResults.add(statement);
        }
    }

    void resultDone(LoggingStatement statement) {
        synchronized (awaitingResults) {
            awaitingResults.remove(statement);
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        return new LoggingStatement(this, delegate.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return new LoggingStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return new LoggingStatement(this,
                delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepared(sql, delegate.prepareStatement(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepared(sql, delegate.prepareStatement(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepared(sql, delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepared(sql, delegate.prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepared(sql, delegate.prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepared(sql, delegate.prepareStatement(sql, columnNames));
    }

    private PreparedStatement prepared(String sql, PreparedStatement statement) {
        return new LoggingPreparedStatement(this, statement, recorder.sql(sql, true));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return callable(sql, delegate.prepareCall(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return callable(sql, delegate.prepareCall(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return callable(sql, delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    private CallableStatement callable(String sql, CallableStatement statement) {
        return new LoggingCallableStatement(this, statement, recorder.sql(sql, true));
    }

    /** Records the executions still waiting for their result sets, then closes. */
    @Override
    public void close() throws SQLException {
        try {
            List<LoggingStatement> waiting;
            synchronized (awaitingResults) {
                waiting = new ArrayList<>(awaitingResults);
                awaitingResults.clear();
            }
            waiting.forEach(LoggingStatement::publishPending);
        } finally {
            recorder.connectionClosed(this);
            delegate.close();
        }
    }

    @Override
    public String toString() {
        return "LoggingConnection[" + delegate + "]";
    }
}

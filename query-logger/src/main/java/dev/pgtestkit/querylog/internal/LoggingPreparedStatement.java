package dev.pgtestkit.querylog.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A logged {@link PreparedStatement}: executions carry the values bound to them, one set per {@code addBatch}. */
class LoggingPreparedStatement extends DelegatingPreparedStatement {

    private int batched;

    LoggingPreparedStatement(LoggingConnection connection, PreparedStatement prepared, SqlInfo info) {
        super(connection, prepared, info);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return query(info, parameters.single(), prepared::executeQuery);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) update(info, parameters.single(), prepared::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return update(info, parameters.single(), prepared::executeLargeUpdate);
    }

    @Override
    public boolean execute() throws SQLException {
        return execute(info, parameters.single(), prepared::execute);
    }

    @Override
    public void addBatch() throws SQLException {
        prepared.addBatch();
        parameters.addBatch();
        batched++;
    }

    @Override
    public void clearParameters() throws SQLException {
        prepared.clearParameters();
        parameters.clear();
    }

    @Override
    public void clearBatch() throws SQLException {
        super.clearBatch();
        parameters.clearBatch();
        batched = 0;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        int size = batched;
        batched = 0;
        return batch(info, parameters.takeBatch(), size, prepared::executeBatch, BatchCounts::sum);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        int size = batched;
        batched = 0;
        return batch(info, parameters.takeBatch(), size, prepared::executeLargeBatch, BatchCounts::sum);
    }
}

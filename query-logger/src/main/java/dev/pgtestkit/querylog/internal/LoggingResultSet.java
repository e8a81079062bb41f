package dev.pgtestkit.querylog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A result set that counts the rows the application reads and tells its statement when it is done (read to the
 * end or closed), so the execution's event can be published with its row count. Result sets that belong to no
 * execution (generated keys) have a null event.
 */
final class LoggingResultSet extends ResultSetWriters {

    final RecordedEvent event;
    private final LoggingStatement statement;
    private long rows;
    private boolean done;

    LoggingResultSet(ResultSet delegate, LoggingStatement statement, RecordedEvent event) {
        super(delegate);
        this.statement = statement;
        this.event = event;
    }

    long rowsRead() {
        return rows;
    }

    @Override
    public boolean next() throws SQLException {
        boolean hasRow = delegate.next();
        if (hasRow) {
            rows++;
        } else {
            done();
        }
        return hasRow;
    }

    @Override
    public void close() throws SQLException {
        try {
            delegate.close();
        } finally {
            done();
        }
    }

    private void done() {
        if (!done) {
            done = true;
            statement.resultRead(this);
        }
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public String toString() {
        return "LoggingResultSet[" + delegate + "]";
    }
}

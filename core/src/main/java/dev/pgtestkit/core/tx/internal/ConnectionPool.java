package dev.pgtestkit.core.tx.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Idle physical connections to one test database, so a test transaction per method does not pay for a new
 * session (a backend process) each time. Only connections with no transaction open come back. Thread-safe.
 */
public final class ConnectionPool implements AutoCloseable {

    private final DataSource dataSource;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /** The DataSource must be one pgtestkit owns: it is configured in place (see PhysicalConnections). */
    public ConnectionPool(DataSource dataSource) throws SQLException {
        this.dataSource = PhysicalConnections.configure(dataSource);
    }

    /** An idle connection, or a new one; the caller gives it back with {@link #give(Connection)}. */
    public Connection take() throws SQLException {
        Connection connection;
        synchronized (this) {
            connection = idle.poll();
        }
        return connection != null ? connection : PhysicalConnections.open(dataSource);
    }

    /** Keeps the connection for the next test when it is open and idle; closes it otherwise. */
    public void give(Connection connection) {
        boolean keep;
        synchronized (this) {
            keep = !closed && isIdle(connection);
            if (keep) {
                idle.push(connection);
            }
        }
        if (!keep) {
            closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(ConnectionPool::closeQuietly);
    }

    private static boolean isIdle(Connection connection) {
        try {
            return !connection.isClosed()
                    && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }
}

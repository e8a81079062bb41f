package dev.pgtestkit.core.tx.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The DataSource of a test transaction: each {@link #getConnection()} is a new logical connection on the one pinned
 * physical connection. Hand it to the code under test, a Jdbi, or a HikariCP pool.
 */
final class PinnedDataSource implements DataSource {

    private final PinnedConnection pinned;

    PinnedDataSource(PinnedConnection pinned) {
        this.pinned = pinned;
    }

    @Override
    public Connection getConnection() {
        return pinned.newConnection();
    }

    /** User and password are ignored: every connection is a view of the test's pinned session. */
    @Override
    public Connection getConnection(String username, String password) {
        return pinned.newConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged through the JDBC log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // no login happens: connections are views of an open session
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("pgtestkit logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "pgtestkit test-transaction DataSource for database " + pinned.database();
    }
}

package dev.pgtestkit.core.tx.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource of pgtestkit's own sessions on a test database that counts them as they are opened: each commits one
 * transaction as it starts, which the commit check must not take for a leak (see {@link CommitWindow}). Attempts are
 * counted before the session starts, openings once it has (by then the server counted its session).
 */
final class CountedDataSource implements DataSource {

    private final DataSource delegate;
    private final AtomicLong attempts;
    private final AtomicLong opened;

    CountedDataSource(DataSource delegate, AtomicLong attempts, AtomicLong opened) {
        this.delegate = delegate;
        this.attempts = attempts;
        this.opened = opened;
    }

    @Override
    public Connection getConnection() throws SQLException {
        attempts.incrementAndGet();
        try {
            return delegate.getConnection();
        } finally {
            opened.incrementAndGet();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        attempts.incrementAndGet();
        try {
            return delegate.getConnection(username, password);
        } finally {
            opened.incrementAndGet();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}

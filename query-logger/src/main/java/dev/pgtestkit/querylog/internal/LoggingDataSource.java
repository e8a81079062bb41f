package dev.pgtestkit.querylog.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A DataSource whose connections are logged; everything else is the wrapped DataSource's. */
public final class LoggingDataSource implements DataSource {

    private final Recorder recorder;
    private final DataSource delegate;

    LoggingDataSource(Recorder recorder, DataSource delegate) {
        this.recorder = recorder;
        this.delegate = delegate;
    }

    Recorder recorder() {
        return recorder;
    }

    /** The DataSource being logged. */
    public DataSource delegate() {
        return delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return recorder.wrap(delegate.getConnection(), delegate);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return recorder.wrap(delegate.getConnection(username, password), delegate);
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
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }

    @Override
    public String toString() {
        return "LoggingDataSource[" + delegate + "]";
    }
}

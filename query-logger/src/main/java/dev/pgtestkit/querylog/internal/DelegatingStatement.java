package dev.pgtestkit.querylog.internal;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * Plain delegation of the {@link Statement} methods that neither execute nor hand out results;
 * {@link LoggingStatement} adds those. Hand-written (no reflection on the hot path).
 */
abstract class DelegatingStatement implements Statement {

    final Statement delegate;

    DelegatingStatement(Statement delegate) {
        this.delegate = delegate;
    }

    @Override
    public int getMaxFieldSize() throws SQLException { return delegate.getMaxFieldSize(); }

    @Override
    public void setMaxFieldSize(int max) throws SQLException { delegate.setMaxFieldSize(max); }

    @Override
    public int getMaxRows() throws SQLException { return delegate.getMaxRows(); }

    @Override
    public void setMaxRows(int max) throws SQLException { delegate.setMaxRows(max); }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException { delegate.setEscapeProcessing(enable); }

    @Override
    public int getQueryTimeout() throws SQLException { return delegate.getQueryTimeout(); }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException { delegate.setQueryTimeout(seconds); }

    @Override
    public void cancel() throws SQLException { delegate.cancel(); }

    @Override
    public SQLWarning getWarnings() throws SQLException { return delegate.getWarnings(); }

    @Override
    public void clearWarnings() throws SQLException { delegate.clearWarnings(); }

    @Override
    public void setCursorName(String name) throws SQLException { delegate.setCursorName(name); }

    @Override
    public int getUpdateCount() throws SQLException { return delegate.getUpdateCount(); }

    @Override
    public void setFetchDirection(int direction) throws SQLException { delegate.setFetchDirection(direction); }

    @Override
    public int getFetchDirection() throws SQLException { return delegate.getFetchDirection(); }

    @Override
    public void setFetchSize(int rows) throws SQLException { delegate.setFetchSize(rows); }

    @Override
    public int getFetchSize() throws SQLException { return delegate.getFetchSize(); }

    @Override
    public int getResultSetConcurrency() throws SQLException { return delegate.getResultSetConcurrency(); }

    @Override
    public int getResultSetType() throws SQLException { return delegate.getResultSetType(); }

    @Override
    public int getResultSetHoldability() throws SQLException { return delegate.getResultSetHoldability(); }

    @Override
    public boolean isClosed() throws SQLException { return delegate.isClosed(); }

    @Override
    public void setPoolable(boolean poolable) throws SQLException { delegate.setPoolable(poolable); }

    @Override
    public boolean isPoolable() throws SQLException { return delegate.isPoolable(); }

    @Override
    public void closeOnCompletion() throws SQLException { delegate.closeOnCompletion(); }

    @Override
    public boolean isCloseOnCompletion() throws SQLException { return delegate.isCloseOnCompletion(); }

    @Override
    public long getLargeUpdateCount() throws SQLException { return delegate.getLargeUpdateCount(); }

    @Override
    public void setLargeMaxRows(long max) throws SQLException { delegate.setLargeMaxRows(max); }

    @Override
    public long getLargeMaxRows() throws SQLException { return delegate.getLargeMaxRows(); }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return delegate.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return delegate.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return delegate.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return delegate.enquoteNCharLiteral(val);
    }
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }
}

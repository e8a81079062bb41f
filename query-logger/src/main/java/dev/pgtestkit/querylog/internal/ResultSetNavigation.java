package dev.pgtestkit.querylog.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * Plain delegation of the {@link ResultSet} cursor, metadata and row-change methods; {@link ResultSetReaders} and
 * {@link ResultSetWriters} add the column accessors, {@link LoggingResultSet} the row counting.
 */
abstract class ResultSetNavigation implements ResultSet {

    final ResultSet delegate;

    ResultSetNavigation(ResultSet delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean wasNull() throws SQLException { return delegate.wasNull(); }

    @Override
    public SQLWarning getWarnings() throws SQLException { return delegate.getWarnings(); }

    @Override
    public void clearWarnings() throws SQLException { delegate.clearWarnings(); }

    @Override
    public String getCursorName() throws SQLException { return delegate.getCursorName(); }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException { return delegate.getMetaData(); }

    @Override
    public int findColumn(String columnLabel) throws SQLException { return delegate.findColumn(columnLabel); }

    @Override
    public boolean isBeforeFirst() throws SQLException { return delegate.isBeforeFirst(); }

    @Override
    public boolean isAfterLast() throws SQLException { return delegate.isAfterLast(); }

    @Override
    public boolean isFirst() throws SQLException { return delegate.isFirst(); }

    @Override
    public boolean isLast() throws SQLException { return delegate.isLast(); }

    @Override
    public void beforeFirst() throws SQLException { delegate.beforeFirst(); }

    @Override
    public void afterLast() throws SQLException { delegate.afterLast(); }

    @Override
    public boolean first() throws SQLException { return delegate.first(); }

    @Override
    public boolean last() throws SQLException { return delegate.last(); }

    @Override
    public int getRow() throws SQLException { return delegate.getRow(); }

    @Override
    public boolean absolute(int row) throws SQLException { return delegate.absolute(row); }

    @Override
    public boolean relative(int rows) throws SQLException { return delegate.relative(rows); }

    @Override
    public boolean previous() throws SQLException { return delegate.previous(); }

    @Override
    public void setFetchDirection(int direction) throws SQLException { delegate.setFetchDirection(direction); }

    @Override
    public int getFetchDirection() throws SQLException { return delegate.getFetchDirection(); }

    @Override
    public void setFetchSize(int rows) throws SQLException { delegate.setFetchSize(rows); }

    @Override
    public int getFetchSize() throws SQLException { return delegate.getFetchSize(); }

    @Override
    public int getType() throws SQLException { return delegate.getType(); }

    @Override
    public int getConcurrency() throws SQLException { return delegate.getConcurrency(); }

    @Override
    public boolean rowUpdated() throws SQLException { return delegate.rowUpdated(); }

    @Override
    public boolean rowInserted() throws SQLException { return delegate.rowInserted(); }

    @Override
    public boolean rowDeleted() throws SQLException { return delegate.rowDeleted(); }

    @Override
    public void insertRow() throws SQLException { delegate.insertRow(); }

    @Override
    public void deleteRow() throws SQLException { delegate.deleteRow(); }

    @Override
    public void refreshRow() throws SQLException { delegate.refreshRow(); }

    @Override
    public void cancelRowUpdates() throws SQLException { delegate.cancelRowUpdates(); }

    @Override
    public void moveToInsertRow() throws SQLException { delegate.moveToInsertRow(); }

    @Override
    public void moveToCurrentRow() throws SQLException { delegate.moveToCurrentRow(); }

    @Override
    public int getHoldability() throws SQLException { return delegate.getHoldability(); }

    @Override
    public boolean isClosed() throws SQLException { return delegate.isClosed(); }
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }
}

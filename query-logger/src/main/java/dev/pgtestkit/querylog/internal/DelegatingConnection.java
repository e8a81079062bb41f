package dev.pgtestkit.querylog.internal;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Plain delegation of every {@link Connection} method that does not create statements; {@link LoggingConnection}
 * adds the rest. Hand-written (no reflection on the hot path).
 */
abstract class DelegatingConnection implements Connection {

    final Connection delegate;

    DelegatingConnection(Connection delegate) {
        this.delegate = delegate;
    }

    @Override
    public String nativeSQL(String sql) throws SQLException { return delegate.nativeSQL(sql); }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException { delegate.setAutoCommit(autoCommit); }

    @Override
    public boolean getAutoCommit() throws SQLException { return delegate.getAutoCommit(); }

    @Override
    public void commit() throws SQLException { delegate.commit(); }

    @Override
    public void rollback() throws SQLException { delegate.rollback(); }

    @Override
    public boolean isClosed() throws SQLException { return delegate.isClosed(); }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException { return delegate.getMetaData(); }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException { delegate.setReadOnly(readOnly); }

    @Override
    public boolean isReadOnly() throws SQLException { return delegate.isReadOnly(); }

    @Override
    public void setCatalog(String catalog) throws SQLException { delegate.setCatalog(catalog); }

    @Override
    public String getCatalog() throws SQLException { return delegate.getCatalog(); }

    @Override
    public void setTransactionIsolation(int level) throws SQLException { delegate.setTransactionIsolation(level); }

    @Override
    public int getTransactionIsolation() throws SQLException { return delegate.getTransactionIsolation(); }

    @Override
    public SQLWarning getWarnings() throws SQLException { return delegate.getWarnings(); }

    @Override
    public void clearWarnings() throws SQLException { delegate.clearWarnings(); }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException { return delegate.getTypeMap(); }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException { delegate.setTypeMap(map); }

    @Override
    public void setHoldability(int holdability) throws SQLException { delegate.setHoldability(holdability); }

    @Override
    public int getHoldability() throws SQLException { return delegate.getHoldability(); }

    @Override
    public Savepoint setSavepoint() throws SQLException { return delegate.setSavepoint(); }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException { return delegate.setSavepoint(name); }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException { delegate.rollback(savepoint); }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException { delegate.releaseSavepoint(savepoint); }

    @Override
    public Clob createClob() throws SQLException { return delegate.createClob(); }

    @Override
    public Blob createBlob() throws SQLException { return delegate.createBlob(); }

    @Override
    public NClob createNClob() throws SQLException { return delegate.createNClob(); }

    @Override
    public SQLXML createSQLXML() throws SQLException { return delegate.createSQLXML(); }

    @Override
    public boolean isValid(int timeout) throws SQLException { return delegate.isValid(timeout); }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        delegate.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        delegate.setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException { return delegate.getClientInfo(name); }

    @Override
    public Properties getClientInfo() throws SQLException { return delegate.getClientInfo(); }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return delegate.createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return delegate.createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException { delegate.setSchema(schema); }

    @Override
    public String getSchema() throws SQLException { return delegate.getSchema(); }

    @Override
    public void abort(Executor executor) throws SQLException { delegate.abort(executor); }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        delegate.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException { return delegate.getNetworkTimeout(); }

    @Override
    public void beginRequest() throws SQLException { delegate.beginRequest(); }

    @Override
    public void endRequest() throws SQLException { delegate.endRequest(); }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
            throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException { delegate.setShardingKey(shardingKey); }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }
}

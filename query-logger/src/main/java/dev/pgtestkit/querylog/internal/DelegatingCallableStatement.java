package dev.pgtestkit.querylog.internal;

import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * Plain delegation of the {@link CallableStatement} getters and OUT parameter registration;
 * {@link LoggingCallableStatement} adds the named setters.
 */
abstract class DelegatingCallableStatement extends LoggingPreparedStatement implements CallableStatement {

    final CallableStatement callable;

    DelegatingCallableStatement(LoggingConnection connection, CallableStatement callable, SqlInfo info) {
        super(connection, callable, info);
        this.callable = callable;
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        callable.registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        callable.registerOutParameter(parameterIndex, sqlType, scale);
    }

    @Override
    public boolean wasNull() throws SQLException { return callable.wasNull(); }

    @Override
    public String getString(int parameterIndex) throws SQLException { return callable.getString(parameterIndex); }

    @Override
    public boolean getBoolean(int parameterIndex) throws SQLException { return callable.getBoolean(parameterIndex); }

    @Override
    public byte getByte(int parameterIndex) throws SQLException { return callable.getByte(parameterIndex); }

    @Override
    public short getShort(int parameterIndex) throws SQLException { return callable.getShort(parameterIndex); }

    @Override
    public int getInt(int parameterIndex) throws SQLException { return callable.getInt(parameterIndex); }

    @Override
    public long getLong(int parameterIndex) throws SQLException { return callable.getLong(parameterIndex); }

    @Override
    public float getFloat(int parameterIndex) throws SQLException { return callable.getFloat(parameterIndex); }

    @Override
    public double getDouble(int parameterIndex) throws SQLException { return callable.getDouble(parameterIndex); }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
        return callable.getBigDecimal(parameterIndex, scale);
    }

    @Override
    public byte[] getBytes(int parameterIndex) throws SQLException { return callable.getBytes(parameterIndex); }

    @Override
    public Date getDate(int parameterIndex) throws SQLException { return callable.getDate(parameterIndex); }

    @Override
    public Time getTime(int parameterIndex) throws SQLException { return callable.getTime(parameterIndex); }

    @Override
    public Timestamp getTimestamp(int parameterIndex) throws SQLException {
        return callable.getTimestamp(parameterIndex);
    }

    @Override
    public Object getObject(int parameterIndex) throws SQLException { return callable.getObject(parameterIndex); }

    @Override
    public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        return callable.getBigDecimal(parameterIndex);
    }

    @Override
    public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
        return callable.getObject(parameterIndex, map);
    }

    @Override
    public Ref getRef(int parameterIndex) throws SQLException { return callable.getRef(parameterIndex); }

    @Override
    public Blob getBlob(int parameterIndex) throws SQLException { return callable.getBlob(parameterIndex); }

    @Override
    public Clob getClob(int parameterIndex) throws SQLException { return callable.getClob(parameterIndex); }

    @Override
    public Array getArray(int parameterIndex) throws SQLException { return callable.getArray(parameterIndex); }

    @Override
    public Date getDate(int parameterIndex, Calendar cal) throws SQLException {
        return callable.getDate(parameterIndex, cal);
    }

    @Override
    public Time getTime(int parameterIndex, Calendar cal) throws SQLException {
        return callable.getTime(parameterIndex, cal);
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
        return callable.getTimestamp(parameterIndex, cal);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        callable.registerOutParameter(parameterIndex, sqlType, typeName);
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
        callable.registerOutParameter(parameterName, sqlType);
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, int scale) throws SQLException {
        callable.registerOutParameter(parameterName, sqlType, scale);
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
        callable.registerOutParameter(parameterName, sqlType, typeName);
    }

    @Override
    public URL getURL(int parameterIndex) throws SQLException { return callable.getURL(parameterIndex); }

    @Override
    public String getString(String parameterName) throws SQLException { return callable.getString(parameterName); }

    @Override
    public boolean getBoolean(String parameterName) throws SQLException { return callable.getBoolean(parameterName); }

    @Override
    public byte getByte(String parameterName) throws SQLException { return callable.getByte(parameterName); }

    @Override
    public short getShort(String parameterName) throws SQLException { return callable.getShort(parameterName); }

    @Override
    public int getInt(String parameterName) throws SQLException { return callable.getInt(parameterName); }

    @Override
    public long getLong(String parameterName) throws SQLException { return callable.getLong(parameterName); }

    @Override
    public float getFloat(String parameterName) throws SQLException { return callable.getFloat(parameterName); }

    @Override
    public double getDouble(String parameterName) throws SQLException { return callable.getDouble(parameterName); }

    @Override
    public byte[] getBytes(String parameterName) throws SQLException { return callable.getBytes(parameterName); }

    @Override
    public Date getDate(String parameterName) throws SQLException { return callable.getDate(parameterName); }

    @Override
    public Time getTime(String parameterName) throws SQLException { return callable.getTime(parameterName); }

    @Override
    public Timestamp getTimestamp(String parameterName) throws SQLException {
        return callable.getTimestamp(parameterName);
    }

    @Override
    public Object getObject(String parameterName) throws SQLException { return callable.getObject(parameterName); }

    @Override
    public BigDecimal getBigDecimal(String parameterName) throws SQLException {
        return callable.getBigDecimal(parameterName);
    }

    @Override
    public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
        return callable.getObject(parameterName, map);
    }

    @Override
    public Ref getRef(String parameterName) throws SQLException { return callable.getRef(parameterName); }

    @Override
    public Blob getBlob(String parameterName) throws SQLException { return callable.getBlob(parameterName); }

    @Override
    public Clob getClob(String parameterName) throws SQLException { return callable.getClob(parameterName); }

    @Override
    public Array getArray(String parameterName) throws SQLException { return callable.getArray(parameterName); }

    @Override
    public Date getDate(String parameterName, Calendar cal) throws SQLException {
        return callable.getDate(parameterName, cal);
    }

    @Override
    public Time getTime(String parameterName, Calendar cal) throws SQLException {
        return callable.getTime(parameterName, cal);
    }

    @Override
    public Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
        return callable.getTimestamp(parameterName, cal);
    }

    @Override
    public URL getURL(String parameterName) throws SQLException { return callable.getURL(parameterName); }

    @Override
    public RowId getRowId(int parameterIndex) throws SQLException { return callable.getRowId(parameterIndex); }

    @Override
    public RowId getRowId(String parameterName) throws SQLException { return callable.getRowId(parameterName); }

    @Override
    public NClob getNClob(int parameterIndex) throws SQLException { return callable.getNClob(parameterIndex); }

    @Override
    public NClob getNClob(String parameterName) throws SQLException { return callable.getNClob(parameterName); }

    @Override
    public SQLXML getSQLXML(int parameterIndex) throws SQLException { return callable.getSQLXML(parameterIndex); }

    @Override
    public SQLXML getSQLXML(String parameterName) throws SQLException { return callable.getSQLXML(parameterName); }

    @Override
    public String getNString(int parameterIndex) throws SQLException { return callable.getNString(parameterIndex); }

    @Override
    public String getNString(String parameterName) throws SQLException { return callable.getNString(parameterName); }

    @Override
    public Reader getNCharacterStream(int parameterIndex) throws SQLException {
        return callable.getNCharacterStream(parameterIndex);
    }

    @Override
    public Reader getNCharacterStream(String parameterName) throws SQLException {
        return callable.getNCharacterStream(parameterName);
    }

    @Override
    public Reader getCharacterStream(int parameterIndex) throws SQLException {
        return callable.getCharacterStream(parameterIndex);
    }

    @Override
    public Reader getCharacterStream(String parameterName) throws SQLException {
        return callable.getCharacterStream(parameterName);
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        return callable.getObject(parameterIndex, type);
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
        return callable.getObject(parameterName, type);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType targetSqlType) throws SQLException {
        callable.registerOutParameter(parameterIndex, targetSqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType targetSqlType, int scale) throws SQLException {
        callable.registerOutParameter(parameterIndex, targetSqlType, scale);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType targetSqlType, String typeName) throws SQLException {
        callable.registerOutParameter(parameterIndex, targetSqlType, typeName);
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType targetSqlType) throws SQLException {
        callable.registerOutParameter(parameterName, targetSqlType);
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType targetSqlType, int scale) throws SQLException {
        callable.registerOutParameter(parameterName, targetSqlType, scale);
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType targetSqlType, String typeName) throws SQLException {
        callable.registerOutParameter(parameterName, targetSqlType, typeName);
    }
}

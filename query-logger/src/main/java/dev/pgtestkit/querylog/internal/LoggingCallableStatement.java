package dev.pgtestkit.querylog.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/** A logged {@link CallableStatement}: named setters record their values by name. */
final class LoggingCallableStatement extends DelegatingCallableStatement {

    LoggingCallableStatement(LoggingConnection connection, CallableStatement callable, SqlInfo info) {
        super(connection, callable, info);
    }

    @Override
    public void setURL(String parameterName, URL x) throws SQLException {
        callable.setURL(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setNull(String parameterName, int sqlType) throws SQLException {
        callable.setNull(parameterName, sqlType);
        parameters.setNamed(parameterName, null);
    }

    @Override
    public void setBoolean(String parameterName, boolean x) throws SQLException {
        callable.setBoolean(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setByte(String parameterName, byte x) throws SQLException {
        callable.setByte(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setShort(String parameterName, short x) throws SQLException {
        callable.setShort(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setInt(String parameterName, int x) throws SQLException {
        callable.setInt(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setLong(String parameterName, long x) throws SQLException {
        callable.setLong(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setFloat(String parameterName, float x) throws SQLException {
        callable.setFloat(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setDouble(String parameterName, double x) throws SQLException {
        callable.setDouble(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
        callable.setBigDecimal(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setString(String parameterName, String x) throws SQLException {
        callable.setString(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setBytes(String parameterName, byte[] x) throws SQLException {
        callable.setBytes(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setDate(String parameterName, Date x) throws SQLException {
        callable.setDate(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setTime(String parameterName, Time x) throws SQLException {
        callable.setTime(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
        callable.setTimestamp(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, int length) throws SQLException {
        callable.setAsciiStream(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, int length) throws SQLException {
        callable.setBinaryStream(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setObject(String parameterName, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        callable.setObject(parameterName, x, targetSqlType, scaleOrLength);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
        callable.setObject(parameterName, x, targetSqlType);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setObject(String parameterName, Object x) throws SQLException {
        callable.setObject(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x, int length) throws SQLException {
        callable.setCharacterStream(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
        callable.setDate(parameterName, x, cal);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
        callable.setTime(parameterName, x, cal);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
        callable.setTimestamp(parameterName, x, cal);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
        callable.setNull(parameterName, sqlType, typeName);
        parameters.setNamed(parameterName, null);
    }

    @Override
    public void setRowId(String parameterName, RowId x) throws SQLException {
        callable.setRowId(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setNString(String parameterName, String x) throws SQLException {
        callable.setNString(parameterName, x);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader x, long length) throws SQLException {
        callable.setNCharacterStream(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setNClob(String parameterName, NClob x) throws SQLException {
        callable.setNClob(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("nclob"));
    }

    @Override
    public void setClob(String parameterName, Reader x, long length) throws SQLException {
        callable.setClob(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setBlob(String parameterName, InputStream x, long length) throws SQLException {
        callable.setBlob(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setNClob(String parameterName, Reader x, long length) throws SQLException {
        callable.setNClob(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setSQLXML(String parameterName, SQLXML x) throws SQLException {
        callable.setSQLXML(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("sqlxml"));
    }

    @Override
    public void setBlob(String parameterName, Blob x) throws SQLException {
        callable.setBlob(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("blob"));
    }

    @Override
    public void setClob(String parameterName, Clob x) throws SQLException {
        callable.setClob(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("clob"));
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, long length) throws SQLException {
        callable.setAsciiStream(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, long length) throws SQLException {
        callable.setBinaryStream(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x, long length) throws SQLException {
        callable.setCharacterStream(parameterName, x, length);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x) throws SQLException {
        callable.setAsciiStream(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x) throws SQLException {
        callable.setBinaryStream(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x) throws SQLException {
        callable.setCharacterStream(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader x) throws SQLException {
        callable.setNCharacterStream(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setClob(String parameterName, Reader x) throws SQLException {
        callable.setClob(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setBlob(String parameterName, InputStream x) throws SQLException {
        callable.setBlob(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setNClob(String parameterName, Reader x) throws SQLException {
        callable.setNClob(parameterName, x);
        parameters.setNamed(parameterName, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        callable.setObject(parameterName, x, targetSqlType, scaleOrLength);
        parameters.setNamed(parameterName, x);
    }

    @Override
    public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
        callable.setObject(parameterName, x, targetSqlType);
        parameters.setNamed(parameterName, x);
    }
}

package dev.pgtestkit.querylog.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * Delegation of the {@link PreparedStatement} setters, each also recording the value it binds (streams, readers
 * and LOBs as a marker, never read); {@link LoggingPreparedStatement} adds the executions.
 */
abstract class DelegatingPreparedStatement extends LoggingStatement implements PreparedStatement {

    final PreparedStatement prepared;
    final SqlInfo info;
    final ParameterBuffer parameters;

    DelegatingPreparedStatement(LoggingConnection connection, PreparedStatement prepared, SqlInfo info) {
        super(connection, prepared);
        this.prepared = prepared;
        this.info = info;
        LoggerConfig config = connection.recorder.config();
        this.parameters = new ParameterBuffer(config.captureParameters(), config.batchParameterSets());
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        prepared.setNull(parameterIndex, sqlType);
        parameters.set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        prepared.setBoolean(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        prepared.setByte(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        prepared.setShort(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        prepared.setInt(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        prepared.setLong(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        prepared.setFloat(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        prepared.setDouble(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        prepared.setBigDecimal(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        prepared.setString(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        prepared.setBytes(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        prepared.setDate(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        prepared.setTime(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        prepared.setTimestamp(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        prepared.setAsciiStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        prepared.setUnicodeStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        prepared.setBinaryStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        prepared.setObject(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, int length) throws SQLException {
        prepared.setCharacterStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        prepared.setRef(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        prepared.setBlob(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("blob"));
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        prepared.setClob(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("clob"));
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        prepared.setArray(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException { return prepared.getMetaData(); }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        prepared.setDate(parameterIndex, x, cal);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        prepared.setTime(parameterIndex, x, cal);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        prepared.setTimestamp(parameterIndex, x, cal);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        prepared.setNull(parameterIndex, sqlType, typeName);
        parameters.set(parameterIndex, null);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        prepared.setURL(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException { return prepared.getParameterMetaData(); }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        prepared.setRowId(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String x) throws SQLException {
        prepared.setNString(parameterIndex, x);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
        prepared.setNCharacterStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setNClob(int parameterIndex, NClob x) throws SQLException {
        prepared.setNClob(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("nclob"));
    }

    @Override
    public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
        prepared.setClob(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
        prepared.setBlob(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
        prepared.setNClob(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
        prepared.setSQLXML(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("sqlxml"));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        prepared.setAsciiStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        prepared.setBinaryStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
        prepared.setCharacterStream(parameterIndex, x, length);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        prepared.setAsciiStream(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        prepared.setBinaryStream(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
        prepared.setCharacterStream(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
        prepared.setNCharacterStream(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setClob(int parameterIndex, Reader x) throws SQLException {
        prepared.setClob(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x) throws SQLException {
        prepared.setBlob(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("stream"));
    }

    @Override
    public void setNClob(int parameterIndex, Reader x) throws SQLException {
        prepared.setNClob(parameterIndex, x);
        parameters.set(parameterIndex, ParameterBuffer.opaque("reader"));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        parameters.set(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType);
        parameters.set(parameterIndex, x);
    }
}

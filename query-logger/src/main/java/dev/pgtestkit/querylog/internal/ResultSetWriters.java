package dev.pgtestkit.querylog.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/** Plain delegation of the {@link ResultSet} updaters. */
abstract class ResultSetWriters extends ResultSetReaders {

    ResultSetWriters(ResultSet delegate) {
        super(delegate);
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException { delegate.updateNull(columnIndex); }

    @Override
    public void updateBoolean(int columnIndex, boolean x) throws SQLException {
        delegate.updateBoolean(columnIndex, x);
    }

    @Override
    public void updateByte(int columnIndex, byte x) throws SQLException { delegate.updateByte(columnIndex, x); }

    @Override
    public void updateShort(int columnIndex, short x) throws SQLException { delegate.updateShort(columnIndex, x); }

    @Override
    public void updateInt(int columnIndex, int x) throws SQLException { delegate.updateInt(columnIndex, x); }

    @Override
    public void updateLong(int columnIndex, long x) throws SQLException { delegate.updateLong(columnIndex, x); }

    @Override
    public void updateFloat(int columnIndex, float x) throws SQLException { delegate.updateFloat(columnIndex, x); }

    @Override
    public void updateDouble(int columnIndex, double x) throws SQLException { delegate.updateDouble(columnIndex, x); }

    @Override
    public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        delegate.updateBigDecimal(columnIndex, x);
    }

    @Override
    public void updateString(int columnIndex, String x) throws SQLException { delegate.updateString(columnIndex, x); }

    @Override
    public void updateBytes(int columnIndex, byte[] x) throws SQLException { delegate.updateBytes(columnIndex, x); }

    @Override
    public void updateDate(int columnIndex, Date x) throws SQLException { delegate.updateDate(columnIndex, x); }

    @Override
    public void updateTime(int columnIndex, Time x) throws SQLException { delegate.updateTime(columnIndex, x); }

    @Override
    public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
        delegate.updateTimestamp(columnIndex, x);
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
        delegate.updateAsciiStream(columnIndex, x, length);
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
        delegate.updateBinaryStream(columnIndex, x, length);
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
        delegate.updateCharacterStream(columnIndex, x, length);
    }

    @Override
    public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
        delegate.updateObject(columnIndex, x, scaleOrLength);
    }

    @Override
    public void updateObject(int columnIndex, Object x) throws SQLException { delegate.updateObject(columnIndex, x); }

    @Override
    public void updateNull(String columnLabel) throws SQLException { delegate.updateNull(columnLabel); }

    @Override
    public void updateBoolean(String columnLabel, boolean x) throws SQLException {
        delegate.updateBoolean(columnLabel, x);
    }

    @Override
    public void updateByte(String columnLabel, byte x) throws SQLException { delegate.updateByte(columnLabel, x); }

    @Override
    public void updateShort(String columnLabel, short x) throws SQLException { delegate.updateShort(columnLabel, x); }

    @Override
    public void updateInt(String columnLabel, int x) throws SQLException { delegate.updateInt(columnLabel, x); }

    @Override
    public void updateLong(String columnLabel, long x) throws SQLException { delegate.updateLong(columnLabel, x); }

    @Override
    public void updateFloat(String columnLabel, float x) throws SQLException { delegate.updateFloat(columnLabel, x); }

    @Override
    public void updateDouble(String columnLabel, double x) throws SQLException {
        delegate.updateDouble(columnLabel, x);
    }

    @Override
    public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        delegate.updateBigDecimal(columnLabel, x);
    }

    @Override
    public void updateString(String columnLabel, String x) throws SQLException {
        delegate.updateString(columnLabel, x);
    }

    @Override
    public void updateBytes(String columnLabel, byte[] x) throws SQLException { delegate.updateBytes(columnLabel, x); }

    @Override
    public void updateDate(String columnLabel, Date x) throws SQLException { delegate.updateDate(columnLabel, x); }

    @Override
    public void updateTime(String columnLabel, Time x) throws SQLException { delegate.updateTime(columnLabel, x); }

    @Override
    public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
        delegate.updateTimestamp(columnLabel, x);
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
        delegate.updateAsciiStream(columnLabel, x, length);
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
        delegate.updateBinaryStream(columnLabel, x, length);
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader x, int length) throws SQLException {
        delegate.updateCharacterStream(columnLabel, x, length);
    }

    @Override
    public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
        delegate.updateObject(columnLabel, x, scaleOrLength);
    }

    @Override
    public void updateObject(String columnLabel, Object x) throws SQLException {
        delegate.updateObject(columnLabel, x);
    }

    @Override
    public void updateRow() throws SQLException { delegate.updateRow(); }

    @Override
    public void updateRef(int columnIndex, Ref x) throws SQLException { delegate.updateRef(columnIndex, x); }

    @Override
    public void updateRef(String columnLabel, Ref x) throws SQLException { delegate.updateRef(columnLabel, x); }

    @Override
    public void updateBlob(int columnIndex, Blob x) throws SQLException { delegate.updateBlob(columnIndex, x); }

    @Override
    public void updateBlob(String columnLabel, Blob x) throws SQLException { delegate.updateBlob(columnLabel, x); }

    @Override
    public void updateClob(int columnIndex, Clob x) throws SQLException { delegate.updateClob(columnIndex, x); }

    @Override
    public void updateClob(String columnLabel, Clob x) throws SQLException { delegate.updateClob(columnLabel, x); }

    @Override
    public void updateArray(int columnIndex, Array x) throws SQLException { delegate.updateArray(columnIndex, x); }

    @Override
    public void updateArray(String columnLabel, Array x) throws SQLException { delegate.updateArray(columnLabel, x); }

    @Override
    public void updateRowId(int columnIndex, RowId x) throws SQLException { delegate.updateRowId(columnIndex, x); }

    @Override
    public void updateRowId(String columnLabel, RowId x) throws SQLException { delegate.updateRowId(columnLabel, x); }

    @Override
    public void updateNString(int columnIndex, String x) throws SQLException { delegate.updateNString(columnIndex, x); }

    @Override
    public void updateNString(String columnLabel, String x) throws SQLException {
        delegate.updateNString(columnLabel, x);
    }

    @Override
    public void updateNClob(int columnIndex, NClob x) throws SQLException { delegate.updateNClob(columnIndex, x); }

    @Override
    public void updateNClob(String columnLabel, NClob x) throws SQLException { delegate.updateNClob(columnLabel, x); }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML x) throws SQLException { delegate.updateSQLXML(columnIndex, x); }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
        delegate.updateSQLXML(columnLabel, x);
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        delegate.updateNCharacterStream(columnIndex, x, length);
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
        delegate.updateNCharacterStream(columnLabel, x, length);
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
        delegate.updateAsciiStream(columnIndex, x, length);
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
        delegate.updateBinaryStream(columnIndex, x, length);
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        delegate.updateCharacterStream(columnIndex, x, length);
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
        delegate.updateAsciiStream(columnLabel, x, length);
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
        delegate.updateBinaryStream(columnLabel, x, length);
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
        delegate.updateCharacterStream(columnLabel, x, length);
    }

    @Override
    public void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
        delegate.updateBlob(columnIndex, x, length);
    }

    @Override
    public void updateBlob(String columnLabel, InputStream x, long length) throws SQLException {
        delegate.updateBlob(columnLabel, x, length);
    }

    @Override
    public void updateClob(int columnIndex, Reader x, long length) throws SQLException {
        delegate.updateClob(columnIndex, x, length);
    }

    @Override
    public void updateClob(String columnLabel, Reader x, long length) throws SQLException {
        delegate.updateClob(columnLabel, x, length);
    }

    @Override
    public void updateNClob(int columnIndex, Reader x, long length) throws SQLException {
        delegate.updateNClob(columnIndex, x, length);
    }

    @Override
    public void updateNClob(String columnLabel, Reader x, long length) throws SQLException {
        delegate.updateNClob(columnLabel, x, length);
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
        delegate.updateNCharacterStream(columnIndex, x);
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader x) throws SQLException {
        delegate.updateNCharacterStream(columnLabel, x);
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
        delegate.updateAsciiStream(columnIndex, x);
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
        delegate.updateBinaryStream(columnIndex, x);
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
        delegate.updateCharacterStream(columnIndex, x);
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
        delegate.updateAsciiStream(columnLabel, x);
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
        delegate.updateBinaryStream(columnLabel, x);
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader x) throws SQLException {
        delegate.updateCharacterStream(columnLabel, x);
    }

    @Override
    public void updateBlob(int columnIndex, InputStream x) throws SQLException { delegate.updateBlob(columnIndex, x); }

    @Override
    public void updateBlob(String columnLabel, InputStream x) throws SQLException {
        delegate.updateBlob(columnLabel, x);
    }

    @Override
    public void updateClob(int columnIndex, Reader x) throws SQLException { delegate.updateClob(columnIndex, x); }

    @Override
    public void updateClob(String columnLabel, Reader x) throws SQLException { delegate.updateClob(columnLabel, x); }

    @Override
    public void updateNClob(int columnIndex, Reader x) throws SQLException { delegate.updateNClob(columnIndex, x); }

    @Override
    public void updateNClob(String columnLabel, Reader x) throws SQLException { delegate.updateNClob(columnLabel, x); }

    @Override
    public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        delegate.updateObject(columnIndex, x, targetSqlType, scaleOrLength);
    }

    @Override
    public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        delegate.updateObject(columnLabel, x, targetSqlType, scaleOrLength);
    }

    @Override
    public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
        delegate.updateObject(columnIndex, x, targetSqlType);
    }

    @Override
    public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
        delegate.updateObject(columnLabel, x, targetSqlType);
    }
}

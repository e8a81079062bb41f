package dev.pgtestkit.bench.registry;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: what a user would write with JDBC {@link DatabaseMetaData} to learn the same things — the
 * tables, then per table its columns, primary key, imported foreign keys and indexes.
 */
final class MetaDataLoader {

    record ColumnInfo(String name, String type, int size, int scale, boolean nullable, String defaultValue) {
    }

    record ForeignKeyInfo(String name, String column, String referencedTable, String referencedColumn) {
    }

    record IndexInfo(String name, String column, boolean unique) {
    }

    record TableInfo(String name, List<ColumnInfo> columns, List<String> primaryKey, List<ForeignKeyInfo> foreignKeys,
                     List<IndexInfo> indexes) {
    }

    private MetaDataLoader() {
    }

    static List<TableInfo> load(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        List<TableInfo> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new TableInfo(name, columns(meta, schema, name), primaryKey(meta, schema, name),
                    foreignKeys(meta, schema, name), indexes(meta, schema, name)));
        }
        return tables;
    }

    private static List<ColumnInfo> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rs.getString("COLUMN_DEF")));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.add(rs.getString("COLUMN_NAME"));
            }
        }
        return key;
    }

    private static List<ForeignKeyInfo> foreignKeys(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        List<ForeignKeyInfo> keys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                keys.add(new ForeignKeyInfo(rs.getString("FK_NAME"), rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")));
            }
        }
        return keys;
    }

    private static List<IndexInfo> indexes(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<IndexInfo> indexes = new ArrayList<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                indexes.add(new IndexInfo(rs.getString("INDEX_NAME"), rs.getString("COLUMN_NAME"),
                        !rs.getBoolean("NON_UNIQUE")));
            }
        }
        return indexes;
    }
}

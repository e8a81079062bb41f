package dev.pgtestkit.bench.registry;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the best a user could write with JDBC {@link DatabaseMetaData} to learn the same things — one
 * schema-wide call per kind ({@code getTables}, {@code getColumns}, {@code getPrimaryKeys}, {@code getImportedKeys},
 * each with a null or {@code %} table), grouped by table in Java; only {@code getIndexInfo}, whose table argument
 * JDBC requires to name a table, is called per table (PgJDBC answers a null table with no rows:
 * {@code indexesSchemaWide} exists to show that).
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

    /** Schema-wide calls, {@code getIndexInfo} per table (the portable way). */
    static List<TableInfo> load(Connection connection, String schema) throws SQLException {
        return load(connection, schema, false);
    }

    static List<TableInfo> load(Connection connection, String schema, boolean indexesSchemaWide) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        Map<String, List<ColumnInfo>> columns = columns(meta, schema, "%");
        Map<String, List<String>> primaryKeys = primaryKeys(meta, schema, null);
        Map<String, List<ForeignKeyInfo>> foreignKeys = foreignKeys(meta, schema, null);
        Map<String, List<IndexInfo>> indexes = indexesSchemaWide ? indexes(meta, schema, null) : new HashMap<>();
        List<TableInfo> tables = new ArrayList<>();
        for (String name : names) {
            List<IndexInfo> tableIndexes = indexesSchemaWide ? indexes.getOrDefault(name, List.of())
                    : indexes(meta, schema, name).getOrDefault(name, List.of());
            tables.add(new TableInfo(name, columns.getOrDefault(name, List.of()),
                    primaryKeys.getOrDefault(name, List.of()), foreignKeys.getOrDefault(name, List.of()),
                    tableIndexes));
        }
        return tables;
    }

    private static <T> void add(Map<String, List<T>> byTable, String table, T value) {
        byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(value);
    }

    private static Map<String, List<ColumnInfo>> columns(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, List<ColumnInfo>> columns = new HashMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                add(columns, rs.getString("TABLE_NAME"), new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rs.getString("COLUMN_DEF")));
            }
        }
        return columns;
    }

    private static Map<String, List<String>> primaryKeys(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, List<String>> key = new HashMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                add(key, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"));
            }
        }
        return key;
    }

    private static Map<String, List<ForeignKeyInfo>> foreignKeys(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, List<ForeignKeyInfo>> keys = new HashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                add(keys, rs.getString("FKTABLE_NAME"), new ForeignKeyInfo(rs.getString("FK_NAME"), rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")));
            }
        }
        return keys;
    }

    private static Map<String, List<IndexInfo>> indexes(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, List<IndexInfo>> indexes = new HashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                add(indexes, rs.getString("TABLE_NAME"), new IndexInfo(rs.getString("INDEX_NAME"), rs.getString("COLUMN_NAME"),
                        !rs.getBoolean("NON_UNIQUE")));
            }
        }
        return indexes;
    }
}

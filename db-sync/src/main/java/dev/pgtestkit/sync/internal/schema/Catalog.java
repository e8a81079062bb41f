package dev.pgtestkit.sync.internal.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the readers found: the items by key, the catalog keys that stand for an item (an index that backs a
 * constraint stands for the constraint, a column default for its table, ...) and the relations by oid.
 */
final class Catalog {

    final Map<String, SchemaItem> items = new HashMap<>();
    final Map<String, String> aliases = new HashMap<>();
    final Map<Long, Relation> relations = new HashMap<>();
    /** Objects of a kind the writer cannot write, by the key of the table they belong to. */
    final Map<String, List<String>> unsupported = new TreeMap<>();
    final boolean grants;

    Catalog(boolean grants) {
        this.grants = grants;
    }

    /** A table, view, materialized view or foreign table; {@code item} is what creates it. */
    record Relation(long oid, String schema, String name, String quoted, char kind, SchemaItem item) {
        boolean partitioned() {
            return kind == 'p';
        }
    }

    SchemaItem add(SchemaItem item) {
        if (items.putIfAbsent(item.key, item) != null) {
            throw new IllegalStateException("two schema items for " + item.key);
        }
        return item;
    }

    /** Records an object the writer cannot write, which fails the write if the item {@code key} is written. */
    void unsupported(String key, String description) {
        unsupported.computeIfAbsent(key, k -> new ArrayList<>()).add(description);
    }

    static String key(String catalog, long oid) {
        return catalog + ":" + oid;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    static void query(Connection connection, String sql, RowReader reader) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    static String[] strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    static Long[] longs(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new Long[0] : (Long[]) array.getArray();
    }
}

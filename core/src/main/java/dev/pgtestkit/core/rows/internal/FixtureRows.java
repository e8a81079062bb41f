package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.rows.internal.FixtureReader.FixtureRow;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.NameMatcher;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TypeCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture row split into plain column values and references to other rows. A key is a reference when its
 * value is an object and the key names a foreign key: one of its columns ({@code "user_id": {"email": ...}}),
 * the column without {@code _id} ({@code "user": {...}}) or the referenced table in singular or plural
 * ({@code "warehouse": {"region": "EU", "code": 1}} for a composite key). A scalar under such a name is the
 * referenced key itself ({@code "user": 42}).
 */
final class FixtureRows {

    /** A reference to another row by some of its column values. */
    record Reference(String key, ForeignKey fk, Map<String, Object> naturalKey) {
    }

    /** A row ready to insert once its references are resolved. */
    record Prepared(FixtureRow row, Map<Column, Object> values, List<Reference> references) {
    }

    private FixtureRows() {
    }

    static Prepared prepare(Table table, FixtureRow row) {
        Map<Column, Object> values = new LinkedHashMap<>();
        List<Reference> references = new ArrayList<>();
        for (Map.Entry<String, Object> entry : row.values().entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (!NameMatcher.match(key, table.columnNames()).matches().isEmpty()) {
                Column column = table.matchColumn(key);
                ForeignKey fk = foreignKeyOf(table, column);
                if (fk != null && value instanceof Map<?, ?> map && !holdsObjects(column)) {
                    references.add(new Reference(key, fk, naturalKey(map)));
                } else {
                    values.put(column, value);
                }
            } else {
                ForeignKey fk = foreignKeyNamed(table, key);
                if (value instanceof Map<?, ?> map) {
                    references.add(new Reference(key, fk, naturalKey(map)));
                } else {
                    values.put(singleColumn(table, fk, key), value);
                }
            }
        }
        return new Prepared(row, values, references);
    }

    private static ForeignKey foreignKeyOf(Table table, Column column) {
        return table.foreignKeys().stream().filter(fk -> fk.columns().contains(column.name())).findFirst()
                .orElse(null);
    }

    /** json, jsonb and composite columns take objects as values, never as references. */
    private static boolean holdsObjects(Column column) {
        String type = column.type().rootType().name();
        return type.equals("json") || type.equals("jsonb") || type.equals("hstore")
                || column.type().rootType().category() == TypeCategory.COMPOSITE;
    }

    private static ForeignKey foreignKeyNamed(Table table, String key) {
        List<ForeignKey> byColumn = table.foreignKeys().stream().filter(fk -> fk.columns().size() == 1
                && NameMatcher.match(key + "_id", fk.columns()).found()).toList();
        List<ForeignKey> byTable = table.foreignKeys().stream()
                .filter(fk -> NameMatcher.match(key, List.of(fk.referencedTable().name())).found()).toList();
        List<ForeignKey> found = byColumn.isEmpty() ? byTable : byColumn;
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            table.matchColumn(key);  // throws the registry's "not found ... Did you mean" message
        }
        throw new ColumnMatchException("Key '" + key + "' could mean several foreign keys of table '"
                + Names.table(table) + "': " + String.join(", ", found.stream()
                .map(fk -> fk.name() + " (" + String.join(", ", fk.columns()) + ")").toList())
                + ". Use the foreign key column's name.", table.schema(), table.simpleName(), key,
                table.columnNames(), found.stream().flatMap(fk -> fk.columns().stream()).toList());
    }

    private static Column singleColumn(Table table, ForeignKey fk, String key) {
        if (fk.columns().size() != 1) {
            throw new IllegalArgumentException("reference '" + key + "' is to a composite key ("
                    + String.join(", ", fk.referencedColumns()) + ") of table '" + Names.table(fk.referencedTable())
                    + "'; give an object of the referenced row's column values");
        }
        return table.column(fk.columns().get(0)).orElseThrow();
    }

    private static Map<String, Object> naturalKey(Map<?, ?> map) {
        Map<String, Object> key = new LinkedHashMap<>();
        map.forEach((column, value) -> key.put(String.valueOf(column), value));
        return key;
    }
}

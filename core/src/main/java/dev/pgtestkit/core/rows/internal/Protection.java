package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.core.schema.UniqueKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rows {@code cleanup} keeps: per table, the key values of protected rows (primary key, else a unique
 * key of NOT NULL columns), or the whole table for tables without such a key. A row of a partition is
 * remembered under the partitioned table, which is where cleanup deletes. Thread-safe.
 */
public final class Protection {

    private final Map<QualifiedName, Set<List<Object>>> keys = new ConcurrentHashMap<>();
    private final Set<QualifiedName> wholeTables = ConcurrentHashMap.newKeySet();

    /**
     * Protects {@code row} of {@code table}; tables without a usable key, and rows without their key values, throw
     * {@link SchemaException} (protecting nothing silently would let cleanup delete the row).
     */
    public void protect(SchemaRegistry registry, Table table, Map<String, Object> row) {
        Table root = root(registry, table);
        List<Column> columns = keyColumns(root);
        List<String> missing = columns.stream().map(Column::name).filter(c -> row.get(c) == null).toList();
        if (!missing.isEmpty()) {
            throw new SchemaException("Cannot protect a row of table '" + Names.table(root) + "' without its key: "
                    + "column(s) " + missing + " missing or null in the row given (it has " + row.keySet() + "). "
                    + "Protect the row insert() returned (it carries generated keys), or all rows with "
                    + "protectExisting().", root.schema(), root.simpleName());
        }
        List<Object> key = columns.stream().map(c -> row.get(c.name())).toList();
        keys.computeIfAbsent(root.name(), n -> ConcurrentHashMap.newKeySet()).add(key);
    }

    /** Keeps every row of {@code table}, e.g. a table without a key whose rows existed before the test. */
    public void protectWholeTable(SchemaRegistry registry, Table table) {
        wholeTables.add(root(registry, table).name());
    }

    public boolean isWholeTable(QualifiedName table) {
        return wholeTables.contains(table);
    }

    /** Key values of the protected rows of {@code table} (column order of {@link #keyColumns}). */
    public Set<List<Object>> keysOf(QualifiedName table) {
        return keys.getOrDefault(table, Set.of());
    }

    public int size() {
        return keys.values().stream().mapToInt(Set::size).sum();
    }

    /** The table rows of {@code table} are deleted from: itself, or for a partition its partitioned root. */
    public static Table root(SchemaRegistry registry, Table table) {
        Table current = table;
        while (current.kind() == TableKind.PARTITION && current.partitionOf() != null) {
            current = registry.table(current.partitionOf());
        }
        return current;
    }

    /** Whether rows of {@code table} can be told apart by a key. */
    public static boolean hasKey(Table table) {
        return table.primaryKey() != null || table.uniqueKeys().stream().anyMatch(k -> usable(table, k));
    }

    /** The primary key's columns, else those of the first non-partial unique key of NOT NULL columns. */
    public static List<Column> keyColumns(Table table) {
        UniqueKey key = table.primaryKeyOptional().orElseGet(() -> table.uniqueKeys().stream()
                .filter(k -> usable(table, k)).findFirst().orElseThrow(() -> new SchemaException("Table '"
                        + Names.table(table) + "' has no primary key and no unique key of NOT NULL columns, so its"
                        + " rows cannot be told apart. Add a primary key.", table.schema(), table.simpleName())));
        return key.columns().stream().map(c -> table.column(c).orElseThrow()).toList();
    }

    /** {@code key column = value} conditions that identify {@code row}. */
    public static Map<Column, Object> keyConditions(Table table, Map<String, Object> row) {
        Map<Column, Object> conditions = new LinkedHashMap<>();
        keyColumns(table).forEach(column -> conditions.put(column, row.get(column.name())));
        return conditions;
    }

    private static boolean usable(Table table, UniqueKey key) {
        return !key.isPartial() && key.columns().stream().allMatch(c -> table.column(c).map(Column::notNull)
                .orElse(false));
    }
}

package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * The schema registry as the row API sees it: loaded on first use through the caller's handle (so a
 * transaction sees its own DDL), reloaded once when a schema or table is not found (it may have been created
 * since), and resolving names forgivingly with messages that list what exists. Thread-safe.
 */
public final class Catalog {

    private static final int MAX_NAMES_LISTED = 40;

    private final AtomicReference<SchemaRegistry> current = new AtomicReference<>();

    /** The loaded registry, loading it through {@code handle} when nothing is loaded yet. */
    public SchemaRegistry registry(Handle handle) {
        SchemaRegistry registry = current.get();
        if (registry == null) {
            registry = SchemaRegistry.load(handle.getConnection());
            current.set(registry);
        }
        return registry;
    }

    /** Forgets the loaded registry; the next use reads the catalog again. */
    public void invalidate() {
        current.set(null);
    }

    /**
     * The table named {@code name} in {@code schema} ({@code null}: any schema, {@code public} preferred, and
     * {@code "schema.table"} accepted). Misses throw {@link SchemaException} listing the tables.
     */
    public Table table(Handle handle, String schema, String name) {
        SchemaRegistry registry = current.get();
        Optional<Table> found = registry == null ? Optional.empty() : find(registry, schema, name);
        if (found.isEmpty()) {
            invalidate();
            registry = registry(handle);
            found = find(registry, schema, name);
        }
        SchemaRegistry loaded = registry;
        return found.orElseThrow(() -> tableNotFound(loaded, schema, name));
    }

    /** The schema as stored, matched forgivingly; a miss throws {@link SchemaException} listing the schemas. */
    public String schema(Handle handle, String schema) {
        List<String> found = NameMatcher.matches(schema, registry(handle).schemas());
        if (found.size() != 1) {
            invalidate();
            found = NameMatcher.matches(schema, registry(handle).schemas());
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> schemas = registry(handle).schemas();
        throw new SchemaException("Schema '" + schema + "' does not exist. Available schemas: "
                + listed(schemas) + didYouMean(NameMatcher.suggestions(schema, schemas)), schema, null);
    }

    private Optional<Table> find(SchemaRegistry registry, String schema, String name) {
        if (schema == null && name.indexOf('.') > 0) {
            String prefix = name.substring(0, name.indexOf('.'));
            if (registry.schemas().contains(prefix)) {
                return registry.findTable(prefix, name.substring(prefix.length() + 1));
            }
        }
        if (schema != null && !registry.schemas().contains(schema)) {
            return Optional.empty();
        }
        return registry.findTable(schema, name);
    }

    private static SchemaException tableNotFound(SchemaRegistry registry, String schema, String name) {
        if (schema != null && !registry.schemas().contains(schema)) {
            return new SchemaException("Schema '" + schema + "' does not exist. Available schemas: "
                    + listed(registry.schemas()) + didYouMean(NameMatcher.suggestions(schema, registry.schemas())),
                    schema, name);
        }
        List<String> tables = registry.tables().stream().filter(t -> schema == null || t.schema().equals(schema))
                .map(Names::table).toList();
        String where = schema == null ? "" : " in schema '" + schema + "'";
        return new SchemaException("Table '" + name + "' not found" + where + ". Available tables: "
                + listed(tables) + didYouMean(NameMatcher.suggestions(name, tables)), schema, name);
    }

    /** The column of {@code table} named {@code name}, matched forgivingly. */
    public static Column column(Table table, String name) {
        List<String> found = NameMatcher.matches(name, table.columnNames());
        if (found.size() == 1) {
            return table.column(found.get(0)).orElseThrow();
        }
        String tableName = Names.table(table);
        if (found.isEmpty()) {
            List<String> suggestions = NameMatcher.suggestions(name, table.columnNames());
            throw new ColumnMatchException("Column '" + name + "' not found in table '" + tableName
                    + "'. Available columns: " + listed(table.columnNames()) + didYouMean(suggestions),
                    table.schema(), table.simpleName(), name, table.columnNames(), suggestions);
        }
        throw new ColumnMatchException("Column '" + name + "' is ambiguous in table '" + tableName + "': it matches "
                + String.join(", ", found) + ". Use the exact name.", table.schema(), table.simpleName(), name,
                table.columnNames(), found);
    }

    /** Every key of {@code values} resolved to its column, in the map's order; two keys for one column fail. */
    public static Map<Column, Object> columns(Table table, Map<String, ?> values) {
        Map<Column, Object> resolved = new LinkedHashMap<>();
        Map<Column, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Column column = column(table, entry.getKey());
            String previous = givenAs.putIfAbsent(column, entry.getKey());
            if (previous != null) {
                throw new ColumnMatchException("Keys '" + previous + "' and '" + entry.getKey()
                        + "' both name column '" + column.name() + "' of table '" + Names.table(table)
                        + "'. Give each column once.", table.schema(), table.simpleName(), entry.getKey(),
                        table.columnNames(), List.of(column.name()));
            }
            resolved.put(column, entry.getValue());
        }
        return resolved;
    }

    static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        if (names.size() <= MAX_NAMES_LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES_LISTED)) + ", …(+" + (names.size() - MAX_NAMES_LISTED)
                + " more)";
    }

    static String didYouMean(List<String> suggestions) {
        return suggestions.isEmpty() ? "." : ". Did you mean: " + String.join(", ", suggestions) + "?";
    }
}

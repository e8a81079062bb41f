package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.NameMatcher;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * The schema registry as the row API uses it: loaded on first use through the caller's handle (so a
 * transaction sees its own DDL), and read again once when a schema or table is not found, since it may have
 * been created after the load. Names are matched by the registry ({@link SchemaRegistry#table(String, String)},
 * {@link Table#matchColumn(String)}), whose misses list what exists and suggest names. Thread-safe.
 */
public final class Catalog {

    private final AtomicReference<SchemaRegistry> current = new AtomicReference<>();
    /** Table names already matched, by schema and name as given. */
    private final Map<String, Table> matchedTables = new ConcurrentHashMap<>();
    /** Column names already matched, per table object: forgiving matching is far slower than a map lookup. */
    private final IdentityHashMap<Table, Map<String, Column>> matchedColumns = new IdentityHashMap<>();

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
        matchedTables.clear();
        synchronized (matchedColumns) {
            matchedColumns.clear();
        }
    }

    /** The column of {@code table} that {@code name} means ({@link Table#matchColumn}); misses throw. */
    public Column column(Table table, String name) {
        Map<String, Column> names;
        synchronized (matchedColumns) {
            names = matchedColumns.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
        }
        Column column = names.get(name);
        if (column == null) {
            column = table.matchColumn(name);
            names.put(name, column);
        }
        return column;
    }

    /**
     * The table named {@code name} in {@code schema} ({@code null}: any schema, {@code public} preferred;
     * {@code "schema.table"} accepted). A miss throws the registry's {@link SchemaException}.
     */
    public Table table(Handle handle, String schema, String name) {
        String key = (schema == null ? "" : schema) + '\0' + name;
        Table known = matchedTables.get(key);
        if (known != null) {
            return known;
        }
        SchemaRegistry loaded = current.get();
        Optional<Table> found = loaded == null ? Optional.empty() : loaded.findTable(schema, name);
        if (found.isEmpty()) {
            invalidate();
            found = Optional.of(registry(handle).table(schema, name));
        }
        matchedTables.put(key, found.get());
        return found.get();
    }

    /**
     * The schema as stored, matched like table names; a miss (after reading the catalog again) throws
     * {@link SchemaException} listing the schemas.
     */
    public String schema(Handle handle, String schema) {
        NameMatcher.Result result = NameMatcher.match(schema, registry(handle).schemas());
        if (!result.found()) {
            invalidate();
            result = NameMatcher.match(schema, registry(handle).schemas());
        }
        if (result.found()) {
            return result.match();
        }
        List<String> suggestions = result.ambiguous() ? result.matches() : result.suggestions();
        throw new SchemaException("Schema '" + schema + "' not found. Available schemas: "
                + String.join(", ", registry(handle).schemas()) + "."
                + (suggestions.isEmpty() ? "" : " Did you mean: " + String.join(", ", suggestions) + "?"),
                schema, null);
    }

    /** Every key of {@code values} matched to its column, in the map's order; two keys for one column fail. */
    public Map<Column, Object> columns(Table table, Map<String, ?> values) {
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
}

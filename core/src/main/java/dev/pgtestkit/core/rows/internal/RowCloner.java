package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.rows.CloneResult;
import dev.pgtestkit.core.rows.RowFormatter;
import dev.pgtestkit.core.rows.TableRows;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Copies a row with a new key (the seed's {@code clone_project}), optionally with the rows that reference it.
 * Runs inside the caller's transaction.
 */
public final class RowCloner {

    private RowCloner() {
    }

    /** A copy of one row. */
    public static Map<String, Object> shallow(Scope tx, String table, Object key, Map<String, ?> overrides) {
        return tx.withTable(table, (handle, t) -> {
            Map<String, Object> source = source(handle, tx.catalog(), t, key);
            return TableOps.insert(handle, t, copyOf(t, source, tx.catalog().columns(t, overrides)));
        });
    }

    /**
     * A copy of one row and, recursively, of the rows referencing it, re-pointed at the copies. Rows of the tables
     * named in {@code skip} are neither copied nor followed.
     */
    public static CloneResult deep(Scope tx, String table, Object key, Map<String, ?> overrides,
                                   Collection<String> skip) {
        return tx.withTable(table, (handle, t) -> {
            SchemaRegistry registry = tx.catalog().registry(handle);
            Set<QualifiedName> skipped = skipped(tx, handle, registry, t, skip);
            Map<String, Object> source = source(handle, tx.catalog(), t, key);
            Map<String, Object> root = TableOps.insert(handle, t, copyOf(t, source, tx.catalog().columns(t, overrides)));
            Map<QualifiedName, List<Map<String, Object>>> copies = new LinkedHashMap<>();
            copies.computeIfAbsent(t.name(), n -> new ArrayList<>()).add(root);
            Tree tree = new Tree(handle, registry, copies, skipped);
            tree.done().add(List.of(t.name(), keyOf(t, source)));
            tree.children(t, source, root, List.of(t.name()));
            return new CloneResult(root, new TableRows(copies));
        });
    }

    /**
     * The tables {@code skip} names, each matched like any table name of the row API. A name that matches no
     * table, the root, or a table the clone would not reach anyway is an error: a skip that does nothing is a typo
     * or a schema that changed.
     */
    private static Set<QualifiedName> skipped(Scope tx, Handle handle, SchemaRegistry registry, Table root,
                                              Collection<String> skip) {
        Set<QualifiedName> reachable = reachable(registry, root);
        Set<QualifiedName> skipped = new LinkedHashSet<>();
        for (String name : skip) {
            Table table;
            try {
                table = tx.table(handle, name);
            } catch (SchemaException e) {
                throw new SchemaException("cloneTree cannot skip table '" + name + "': " + e.getMessage(),
                        e.schema(), e.table(), e);
            }
            if (table.name().equals(root.name())) {
                throw new SchemaException("cloneTree cannot skip table '" + name + "': it is the table being cloned ('"
                        + Names.table(root) + "'). Skip only tables that reference it.", root.schema(),
                        root.simpleName());
            }
            if (!reachable.contains(table.name())) {
                throw new SchemaException("cloneTree cannot skip table '" + name + "': no foreign key path leads from '"
                        + Names.table(table) + "' to '" + Names.table(root) + "', so it is never copied. Tables the"
                        + " clone copies: " + (reachable.size() <= 1 ? "(none)" : reachable.stream()
                        .filter(n -> !n.equals(root.name())).map(Names::table).collect(Collectors.joining(", ")))
                        + ".", table.schema(), table.simpleName());
            }
            skipped.add(table.name());
        }
        return skipped;
    }

    /** The root and every table whose rows the walk may copy (partitions are reached through their parent). */
    private static Set<QualifiedName> reachable(SchemaRegistry registry, Table root) {
        Set<QualifiedName> seen = new LinkedHashSet<>(List.of(root.name()));
        ArrayDeque<QualifiedName> queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            for (ForeignKey fk : registry.referencing(queue.poll())) {
                if (registry.table(fk.table()).kind() != TableKind.PARTITION && seen.add(fk.table())) {
                    queue.add(fk.table());
                }
            }
        }
        return seen;
    }

    /** The walk over child rows; {@code done} holds the source rows already copied (by table and key). */
    private record Tree(Handle handle, SchemaRegistry registry, Map<QualifiedName, List<Map<String, Object>>> copies,
                        Set<QualifiedName> skipped, Set<List<Object>> done) {

        Tree(Handle handle, SchemaRegistry registry, Map<QualifiedName, List<Map<String, Object>>> copies,
             Set<QualifiedName> skipped) {
            this(handle, registry, copies, skipped, new HashSet<>());
        }

        void children(Table parent, Map<String, Object> oldParent, Map<String, Object> newParent,
                      List<QualifiedName> path) {
            for (ForeignKey fk : registry.referencing(parent.name())) {
                Table child = registry.table(fk.table());
                boolean backUpACycle = path.contains(child.name()) && !fk.isSelfReference();
                if (child.kind() == TableKind.PARTITION || backUpACycle || skipped.contains(child.name())) {
                    continue;
                }
                List<Map<String, Object>> rows = TableOps.select(handle, child,
                        pointingAt(child, fk, oldParent), List.of(), null, null);
                for (Map<String, Object> row : rows) {
                    copyChild(child, fk, row, newParent, path);
                }
            }
        }

        private void copyChild(Table child, ForeignKey fk, Map<String, Object> row, Map<String, Object> newParent,
                               List<QualifiedName> path) {
            List<Object> identity = List.of(child.name(), keyOf(child, row));
            if (!done.add(identity)) {
                return;
            }
            Map<String, Object> copy = TableOps.insert(handle, child,
                    copyOf(child, row, pointingAt(child, fk, newParent)));
            copies.computeIfAbsent(child.name(), n -> new ArrayList<>()).add(copy);
            List<QualifiedName> deeper = new ArrayList<>(path);
            deeper.add(child.name());
            children(child, row, copy, deeper);
        }
    }

    /** The FK columns of {@code child} set to the referenced columns' values in {@code parentRow}. */
    private static Map<Column, Object> pointingAt(Table child, ForeignKey fk, Map<String, Object> parentRow) {
        Map<Column, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            values.put(child.column(fk.columns().get(i)).orElseThrow(), parentRow.get(fk.referencedColumns().get(i)));
        }
        return values;
    }

    private static Object keyOf(Table table, Map<String, Object> row) {
        return table.primaryKeyOptional().<Object>map(pk -> pk.columns().stream().map(row::get).toList())
                .orElse(row);
    }

    private static Map<String, Object> source(Handle handle, Catalog catalog, Table table, Object key) {
        Map<Column, Object> conditions = keyConditions(catalog, table, key);
        List<Map<String, Object>> found = TableOps.select(handle, table, conditions, List.of(), 2L, null);
        if (found.size() != 1) {
            throw new QueryException((found.isEmpty() ? "No row" : "More than one row") + " of table '"
                    + Names.table(table) + "' matches " + RowFormatter.defaults().format(describe(conditions))
                    + "; cloning needs exactly one source row.", null, null, table.simpleName(), null, null);
        }
        return found.get(0);
    }

    private static Map<Column, Object> keyConditions(Catalog catalog, Table table, Object key) {
        if (key instanceof Map<?, ?> map) {
            Map<String, Object> conditions = new LinkedHashMap<>();
            map.forEach((column, value) -> conditions.put(String.valueOf(column), value));
            return catalog.columns(table, conditions);
        }
        List<String> pk = table.primaryKeyOptional().map(k -> k.columns()).orElse(List.of());
        if (pk.size() != 1) {
            throw new SchemaException("Table '" + Names.table(table) + "' has "
                    + (pk.isEmpty() ? "no primary key" : "a composite primary key (" + String.join(", ", pk) + ")")
                    + "; pass the source row's key as a map of column values.", table.schema(), table.simpleName());
        }
        Map<Column, Object> conditions = new LinkedHashMap<>();
        conditions.put(table.column(pk.get(0)).orElseThrow(), key);
        return conditions;
    }

    /**
     * The values to insert for a copy of {@code source}: {@code fixed} values (overrides, re-pointed foreign
     * keys) win; generated, identity and defaulted key columns are left to the server; the other key columns
     * are copied when the key changes anyway (a fixed or regenerated part), else get a new value; unique
     * columns with a default are regenerated; everything else is copied.
     */
    static Map<Column, Object> copyOf(Table table, Map<String, Object> source, Map<Column, ?> fixed) {
        List<String> pk = table.primaryKeyOptional().map(k -> k.columns()).orElse(List.of());
        boolean keyChangesAnyway = table.columns().stream().filter(c -> pk.contains(c.name()))
                .anyMatch(c -> fixed.containsKey(c) || serverMakes(c));
        Map<Column, Object> copy = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            boolean inKey = pk.contains(column.name());
            if (fixed.containsKey(column)) {
                copy.put(column, fixed.get(column));
            } else if (column.isGenerated() || column.identity() != Identity.NONE || (inKey && serverMakes(column))) {
                // the server fills it in
            } else if (inKey && !keyChangesAnyway) {
                newKey(table, column).ifPresent(value -> copy.put(column, value));
            } else if (!isRegeneratedUnique(table, column)) {
                copy.put(column, source.get(column.name()));
            }
        }
        return copy;
    }

    private static boolean serverMakes(Column column) {
        return column.defaultExpr() != null || column.identity() != Identity.NONE;
    }

    /** A random UUID for a uuid key without default; any other key without default must be overridden. */
    private static Optional<Object> newKey(Table table, Column column) {
        if (column.type().rootType().name().equals("uuid")) {
            return Optional.of(UUID.randomUUID());
        }
        throw new QueryException("Cannot clone a row of table '" + Names.table(table) + "': primary key column '"
                + column.name() + "' has no default. Pass its new value in the overrides, e.g. {\"" + column.name()
                + "\": ...}.", null, null, table.simpleName(), column.name(), null);
    }

    private static boolean isRegeneratedUnique(Table table, Column column) {
        return column.defaultExpr() != null && table.uniqueKeys().stream()
                .anyMatch(k -> k.columns().size() == 1 && k.columns().get(0).equals(column.name()));
    }

    private static Map<String, Object> describe(Map<Column, Object> conditions) {
        Map<String, Object> shown = new LinkedHashMap<>();
        conditions.forEach((column, value) -> shown.put(column.name(), value));
        return shown;
    }
}

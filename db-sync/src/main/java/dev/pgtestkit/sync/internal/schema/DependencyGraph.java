package dev.pgtestkit.sync.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order of the items, from the server's own record of what depends on what ({@code pg_depend}: a view's rule
 * on the tables and functions it reads, a default on its sequence, a foreign key on the referenced key, ...).
 *
 * <p>A catalog key resolves to the item that writes it: itself, the item an alias names, the extension it belongs
 * to, or the object it is an internal part of (an array type of its element, a table's row type or identity
 * sequence of the table, a constraint's index of the constraint). A written item that depends on a user object
 * that resolves to no item needs something the writer cannot write: that fails the write, naming both.
 */
final class DependencyGraph {

    /** Objects made by initdb have smaller oids: they exist in every database and are never written. */
    private static final String DEPENDENCIES = """
            SELECT classid::regclass::text, objid, refclassid::regclass::text, refobjid, deptype
            FROM pg_depend
            WHERE objid >= 16384 AND refobjid >= 16384 AND deptype IN ('n', 'a', 'i', 'e')""";

    private static final String OTHER_OBJECTS = """
            SELECT pol.polrelid, 'policy ' || quote_ident(pol.polname) FROM pg_policy pol
            UNION ALL
            SELECT r.ev_class, 'rule ' || quote_ident(r.rulename) FROM pg_rewrite r
            WHERE r.rulename <> '_RETURN' AND r.oid >= 16384
            UNION ALL
            SELECT s.stxrelid, 'statistics object ' || quote_ident(s.stxname) FROM pg_statistic_ext s""";

    private static final String DESCRIBE = """
            SELECT k, pg_describe_object(split_part(k, ':', 1)::regclass, split_part(k, ':', 2)::oid, 0)
            FROM unnest(?::text[]) AS k""";

    private final Catalog catalog;
    private final Map<String, String> internalOwner = new HashMap<>();
    private final Map<String, String> extensionOf = new HashMap<>();
    /** Written-or-not items mapped to the catalog keys of the unknown objects they use. */
    private final Map<SchemaItem, Set<String>> unknownUses = new HashMap<>();

    private DependencyGraph(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Reads the dependencies into the items' {@code requires} (as item keys) and remembers the unknown ones. */
    static DependencyGraph read(Connection connection, Catalog catalog) throws SQLException {
        DependencyGraph graph = new DependencyGraph(catalog);
        List<String[]> edges = new ArrayList<>();
        Catalog.query(connection, DEPENDENCIES, rs -> {
            String dependent = rs.getString(1) + ":" + rs.getLong(2);
            String referenced = rs.getString(3) + ":" + rs.getLong(4);
            switch (rs.getString(5)) {
                case "i" -> graph.internalOwner.putIfAbsent(dependent, referenced);
                case "e" -> graph.extensionOf.put(dependent, referenced);
                default -> edges.add(new String[] {dependent, referenced});
            }
        });
        Catalog.query(connection, OTHER_OBJECTS, rs -> catalog.unsupported(Catalog.key("pg_class", rs.getLong(1)),
                rs.getString(2)));
        for (SchemaItem item : catalog.items.values()) {
            Set<String> resolved = new TreeSet<>();
            for (String key : item.requires) {
                String target = graph.resolve(key);
                if (target != null && !target.equals(item.key)) {
                    resolved.add(target);
                }
            }
            item.requires.clear();
            item.requires.addAll(resolved);
        }
        for (String[] edge : edges) {
            graph.addEdge(edge[0], edge[1]);
        }
        graph.refreshOrder();
        return graph;
    }

    private void addEdge(String dependentKey, String referencedKey) {
        String dependentItem = resolve(dependentKey);
        if (dependentItem == null) {
            return;
        }
        SchemaItem dependent = catalog.items.get(dependentItem);
        if (dependent.kind == ItemKind.EXTENSION && !dependentItem.equals(dependentKey)) {
            return; // an extension's own objects
        }
        String referencedItem = resolve(referencedKey);
        if (referencedItem == null) {
            unknownUses.computeIfAbsent(dependent, k -> new TreeSet<>()).add(referencedKey);
            return;
        }
        SchemaItem referenced = catalog.items.get(referencedItem);
        if (referenced == dependent || (dependent.kind == ItemKind.SEQUENCE && referenced.kind == ItemKind.TABLE)) {
            return; // a sequence owned by a column: its own item, SEQUENCE OWNED BY, comes after the table
        }
        dependent.requires.add(referencedItem);
    }

    /** A materialized view is refreshed after the ones it reads. */
    private void refreshOrder() {
        for (SchemaItem item : catalog.items.values()) {
            if (item.kind == ItemKind.MATERIALIZED_VIEW_DATA) {
                SchemaItem view = catalog.items.get(item.key.substring(0, item.key.length() - "/data".length()));
                for (String used : view.requires) {
                    if (catalog.items.containsKey(used + "/data")) {
                        item.requires.add(used + "/data");
                    }
                }
            }
        }
    }

    String resolve(String key) {
        String current = key;
        for (int hops = 0; current != null && hops < 10; hops++) {
            if (catalog.items.containsKey(current)) {
                return current;
            }
            String next = catalog.aliases.get(current);
            if (next == null) {
                next = extensionOf.get(current);
            }
            if (next == null) {
                next = internalOwner.get(current);
            }
            current = next;
        }
        return null;
    }

    /**
     * Decides what is written: a table the dump includes pulls in the tables it is made from (a partition's parent,
     * an inheriting table's parents); anything else that needs a table the dump leaves out is left out too.
     * Then checks that nothing written needs what the writer cannot write.
     */
    void decide() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SchemaItem item : catalog.items.values()) {
                if (item.written && item.kind == ItemKind.TABLE) {
                    for (String key : item.requires) {
                        SchemaItem required = catalog.items.get(key);
                        if (!required.written && required.kind == ItemKind.TABLE) {
                            required.written = true;
                            changed = true;
                        }
                    }
                }
            }
        }
        changed = true;
        while (changed) {
            changed = false;
            for (SchemaItem item : catalog.items.values()) {
                if (!item.written) {
                    continue;
                }
                for (String key : item.requires) {
                    SchemaItem required = catalog.items.get(key);
                    if (!required.written) {
                        if (item.kind == ItemKind.TABLE) {
                            throw new UnsupportedSchemaException("Table " + item.displayName() + " needs "
                                    + required + ", which needs a table the dump leaves out; include that table",
                                    item.schema, item.name);
                        }
                        item.written = false;
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** Fails when a written item uses an object the writer cannot write, naming every such object. */
    void checkSupported(Connection connection) throws SQLException {
        Map<String, List<SchemaItem>> unknown = new TreeMap<>();
        unknownUses.forEach((item, keys) -> {
            if (item.written) {
                keys.forEach(key -> unknown.computeIfAbsent(key, k -> new ArrayList<>()).add(item));
            }
        });
        List<String> problems = new ArrayList<>();
        catalog.unsupported.forEach((key, descriptions) -> {
            SchemaItem item = catalog.items.get(key);
            if (item != null && item.written) {
                descriptions.forEach(d -> problems.add(d + " (on " + item + ")"));
            }
        });
        if (!unknown.isEmpty()) {
            Map<String, String> descriptions = describe(connection, unknown.keySet());
            unknown.forEach((key, users) -> problems.add(descriptions.getOrDefault(key, key) + " (used by "
                    + String.join(", ", users.stream().map(SchemaItem::toString).sorted().toList()) + ")"));
        }
        if (!problems.isEmpty()) {
            SchemaItem first = unknown.isEmpty()
                    ? catalog.unsupported.keySet().stream().map(catalog.items::get)
                            .filter(i -> i != null && i.written).findFirst().orElseThrow()
                    : unknown.values().iterator().next().get(0);
            throw new UnsupportedSchemaException("The built-in schema writer cannot write "
                    + String.join("; ", problems.stream().sorted().toList())
                    + ". Use --schema-writer=pg_dump (a pg_dump of the server's major version on the PATH), or leave"
                    + " the table out of the dump", first.schema, first.name);
        }
    }

    private static Map<String, String> describe(Connection connection, Set<String> keys) throws SQLException {
        Map<String, String> descriptions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(DESCRIBE)) {
            statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    descriptions.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return descriptions;
    }

    /**
     * The written items in script order: each after everything it requires, otherwise by {@link SchemaItem#ORDER};
     * a pre-data item that needs a post-data one moves to post-data.
     */
    List<SchemaItem> order() {
        List<SchemaItem> written = catalog.items.values().stream().filter(i -> i.written).sorted(SchemaItem.ORDER)
                .toList();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SchemaItem item : written) {
                if (!item.postData && item.requires.stream().anyMatch(k -> catalog.items.get(k).postData)) {
                    item.postData = true;
                    changed = true;
                }
            }
        }
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<SchemaItem>> dependents = new HashMap<>();
        for (SchemaItem item : written) {
            waiting.put(item.key, item.requires.size());
            for (String key : item.requires) {
                dependents.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            }
        }
        PriorityQueue<SchemaItem> ready = new PriorityQueue<>(SchemaItem.ORDER);
        TreeSet<SchemaItem> remaining = new TreeSet<>(SchemaItem.ORDER);
        remaining.addAll(written);
        written.stream().filter(i -> i.requires.isEmpty()).forEach(ready::add);
        List<SchemaItem> ordered = new ArrayList<>(written.size());
        while (!remaining.isEmpty()) {
            // A cycle (rare: e.g. a default calling a function that takes the table's row type): the first
            // remaining item goes first.
            SchemaItem next = ready.isEmpty() ? remaining.first() : ready.poll();
            if (!remaining.remove(next)) {
                continue;
            }
            ordered.add(next);
            for (SchemaItem dependent : dependents.getOrDefault(next.key, List.of())) {
                if (waiting.merge(dependent.key, -1, Integer::sum) == 0 && remaining.contains(dependent)) {
                    ready.add(dependent);
                }
            }
        }
        return ordered;
    }
}

package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.sync.DumpException;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.internal.CatalogFacts;
import dev.pgtestkit.sync.internal.Sessions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which tables a dump holds and the query of each: include/exclude patterns, row filters, and for subsets the
 * foreign keys followed, so a child row whose parent row is left out is left out too (a dump always restores).
 * Partitioned tables are dumped through their root (rows are routed back on restore); extension tables are not
 * dumped (the extension creates them).
 */
final class TablePlanner {

    private final SchemaRegistry registry;
    private final CatalogFacts facts;
    private final DumpOptions options;
    private final Map<QualifiedName, String> where = new HashMap<>();
    private final Set<QualifiedName> dumped = new LinkedHashSet<>();
    private final Set<QualifiedName> restricted = new LinkedHashSet<>();
    private int aliases;
    /** The recursive CTEs the plan being built needs, by name, in the order they must be written. */
    private final Map<String, String> ctes = new LinkedHashMap<>();
    private List<Set<QualifiedName>> cycles;

    TablePlanner(SchemaRegistry registry, CatalogFacts facts, DumpOptions options) {
        this.registry = registry;
        this.facts = facts;
        this.options = options;
    }

    /** The plans, in the registry's insertion order (parents first). */
    List<TablePlan> plan() {
        selectTables();
        options.where().forEach((name, condition) -> {
            Table t = registry.table(name);
            if (!dumped.contains(t.name())) {
                throw new DumpException("A row filter is given for " + t.name() + ", which the dump leaves out;"
                        + " include the table or drop the filter.");
            }
            where.put(t.name(), condition);
        });
        findRestricted();
        List<TablePlan> plans = new ArrayList<>();
        for (QualifiedName name : registry.insertionOrder(dumped).tables()) {
            if (dumped.contains(name)) {
                plans.add(plan(registry.table(name)));
            }
        }
        return plans;
    }

    /** The dumped tables (roots of partitioned tables). */
    Set<QualifiedName> dumped() {
        return dumped;
    }

    private void selectTables() {
        List<Pattern> include = options.include().stream().map(TablePlanner::glob).toList();
        List<Pattern> exclude = options.exclude().stream().map(TablePlanner::glob).toList();
        for (Table t : registry.tables()) {
            boolean root = t.kind() == TableKind.ORDINARY || (t.kind() == TableKind.PARTITIONED
                    && t.partitionOf() == null);
            if (!root || facts.isExtensionMember(t.name())) {
                continue;
            }
            if ((include.isEmpty() || matches(include, t.name())) && !matches(exclude, t.name())) {
                dumped.add(t.name());
            }
        }
        if (!options.include().isEmpty() && dumped.isEmpty()) {
            throw new DumpException("No table matches " + options.include() + "; the database has: "
                    + registry.tables().stream().map(t -> t.name().toString()).collect(Collectors.joining(", ")));
        }
    }

    private static boolean matches(List<Pattern> patterns, QualifiedName name) {
        return patterns.stream().anyMatch(p -> p.matcher(name.toString()).matches()
                || p.matcher(name.name()).matches());
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE);
    }

    /** A table is restricted when it has a filter or references a left-out or restricted table. */
    private void findRestricted() {
        restricted.addAll(where.keySet());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (QualifiedName name : dumped) {
                if (!restricted.contains(name) && registry.table(name).foreignKeys().stream()
                        .anyMatch(fk -> !dumped.contains(root(fk.referencedTable()))
                                || restricted.contains(root(fk.referencedTable())))) {
                    restricted.add(name);
                    changed = true;
                }
            }
        }
    }

    private QualifiedName root(QualifiedName table) {
        Table t = registry.table(table);
        return t.partitionOf() == null ? t.name() : root(t.partitionOf());
    }

    private TablePlan plan(Table table) {
        List<String> columns = table.columns().stream().filter(c -> !c.isGenerated()).map(Column::name).toList();
        List<String> key = OrderBy.keyColumns(table);
        String alias = "t0";
        aliases = 0;
        ctes.clear();
        String condition = restricted.contains(table.name()) ? condition(table, alias, new ArrayDeque<>()) : null;
        String with = ctes.isEmpty() ? "" : "WITH RECURSIVE " + String.join(", ", ctes.values()) + " ";
        String from = from(table) + " AS " + alias;
        String select = with + "SELECT " + columns.stream().map(c -> alias + "." + Sessions.quote(c))
                .collect(Collectors.joining(", ")) + " FROM " + from
                + (condition == null ? "" : " WHERE " + condition)
                + " ORDER BY " + OrderBy.sql(alias, key, facts.collatable(table.name()));
        String leftOut = null;
        String user = where.get(table.name());
        if (condition != null && !condition.equals("(" + user + ")")) {
            leftOut = with + "SELECT count(*) FROM " + from + " WHERE " + (user == null ? "true" : "coalesce((" + user
                    + "), false)") + " AND NOT (" + condition + ")";
        }
        return new TablePlan(table.name(), columns, key, user, select, leftOut, facts.size(table.name()));
    }

    /** The condition on rows of {@code table} (the innermost FROM item, aliased {@code alias}). */
    private String condition(Table table, String alias, Deque<QualifiedName> path) {
        Set<QualifiedName> cycle = cycleOf(table.name());
        if (!cycle.isEmpty()) {
            return "NOT EXISTS (SELECT 1 FROM " + droppedRows(cycle) + " d WHERE d.rel = " + alias
                    + ".tableoid AND d.id = " + alias + ".ctid)";
        }
        if (path.contains(table.name())) {
            throw new IllegalStateException("foreign keys lead back to " + table.name() + " outside a found cycle: "
                    + path); // cycles are handled above; this would be a bug in cycleOf
        }
        path.push(table.name());
        String condition = parts(table, alias, path, Set.of());
        path.pop();
        return condition;
    }

    /**
     * The table's own filter and, for each foreign key to a parent outside {@code skip}, that the parent row is
     * dumped (or the key is NULL).
     */
    private String parts(Table table, String alias, Deque<QualifiedName> path, Set<QualifiedName> skip) {
        List<String> parts = new ArrayList<>();
        if (where.containsKey(table.name())) {
            parts.add("(" + where.get(table.name()) + ")");
        }
        for (ForeignKey fk : table.foreignKeys()) {
            QualifiedName parent = root(fk.referencedTable());
            boolean keep = dumped.contains(parent);
            if (skip.contains(parent) || (keep && !restricted.contains(parent))) {
                continue;
            }
            String nullable = fk.columns().stream().map(c -> alias + "." + Sessions.quote(c) + " IS NULL")
                    .collect(Collectors.joining(" OR "));
            if (!keep) {
                parts.add("(" + nullable + ")");
                continue;
            }
            Table p = registry.table(parent);
            String a = nextAlias();
            parts.add("(" + nullable + " OR EXISTS (SELECT 1 FROM " + from(p) + " AS " + a + " WHERE "
                    + join(fk, alias, a) + " AND " + condition(p, a, path) + "))");
        }
        return parts.isEmpty() ? "true" : String.join(" AND ", parts);
    }

    private String nextAlias() {
        aliases++;
        return "t" + aliases;
    }

    private static String join(ForeignKey fk, String child, String parent) {
        StringBuilder join = new StringBuilder();
        for (int i = 0; i < fk.columns().size(); i++) {
            join.append(i == 0 ? "" : " AND ").append(parent).append('.').append(Sessions.quote(
                    fk.referencedColumns().get(i))).append(" = ").append(child).append('.')
                    .append(Sessions.quote(fk.columns().get(i)));
        }
        return join.toString();
    }

    /**
     * The name of a recursive CTE (added to {@link #ctes}) of the rows of a foreign-key cycle that a subset leaves
     * out, by {@code (tableoid, ctid)}: those failing their own filter or a key to a parent outside the cycle, then,
     * until nothing changes, those whose parent in the cycle is left out. Kept are the others: the largest set of
     * rows whose keys all resolve inside the dump. {@code UNION} ends the recursion (rows referencing each other in a
     * loop are visited once).
     */
    private String droppedRows(Set<QualifiedName> cycle) {
        String name = "pgtestkit_left_out_" + cycles.indexOf(cycle);
        if (ctes.containsKey(name)) {
            return name;
        }
        ctes.put(name, null); // reserves its place before the CTEs its base rows need
        List<String> base = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (QualifiedName member : cycle) {
            Table x = registry.table(member);
            String a = nextAlias();
            base.add("SELECT " + a + ".tableoid, " + a + ".ctid FROM " + from(x) + " AS " + a + " WHERE NOT coalesce(("
                    + parts(x, a, new ArrayDeque<>(List.of(member)), cycle) + "), false)");
            for (ForeignKey fk : x.foreignKeys()) {
                QualifiedName parent = root(fk.referencedTable());
                if (!cycle.contains(parent)) {
                    continue;
                }
                String c = nextAlias();
                String p = nextAlias();
                steps.add("SELECT " + c + ".tableoid, " + c + ".ctid FROM " + from(registry.table(parent)) + " AS " + p
                        + " JOIN " + from(x) + " AS " + c + " ON " + join(fk, c, p) + " WHERE " + p
                        + ".tableoid = d.rel AND " + p + ".ctid = d.id");
            }
        }
        ctes.put(name, name + "(rel, id) AS (" + String.join(" UNION ALL ", base) + " UNION SELECT s.rel, s.id FROM "
                + name + " d CROSS JOIN LATERAL (" + String.join(" UNION ALL ", steps) + ") s(rel, id))");
        // CTEs that this one's base rows need were added after its reserved place: move it after them
        String cte = ctes.remove(name);
        ctes.put(name, cte);
        return name;
    }

    /** The dumped tables of the foreign-key cycle {@code table} is in (itself when it references itself), or none. */
    private Set<QualifiedName> cycleOf(QualifiedName table) {
        if (cycles == null) {
            cycles = new Cycles().find();
        }
        return cycles.stream().filter(c -> c.contains(table)).findFirst().orElse(Set.of());
    }

    /** Strongly connected components of the foreign keys among dumped tables (Tarjan), those that form a cycle. */
    private final class Cycles {
        private final Map<QualifiedName, Integer> index = new HashMap<>();
        private final Map<QualifiedName, Integer> low = new HashMap<>();
        private final Deque<QualifiedName> stack = new ArrayDeque<>();
        private final List<Set<QualifiedName>> found = new ArrayList<>();

        List<Set<QualifiedName>> find() {
            for (QualifiedName t : dumped) {
                if (!index.containsKey(t)) {
                    visit(t);
                }
            }
            return found;
        }

        private List<QualifiedName> parents(QualifiedName t) {
            return registry.table(t).foreignKeys().stream().map(fk -> root(fk.referencedTable()))
                    .filter(dumped::contains).toList();
        }

        private void visit(QualifiedName t) {
            index.put(t, index.size());
            low.put(t, index.get(t));
            stack.push(t);
            for (QualifiedName p : parents(t)) {
                if (!index.containsKey(p)) {
                    visit(p);
                    low.put(t, Math.min(low.get(t), low.get(p)));
                } else if (stack.contains(p)) {
                    low.put(t, Math.min(low.get(t), index.get(p)));
                }
            }
            if (low.get(t).equals(index.get(t))) {
                Set<QualifiedName> component = new LinkedHashSet<>();
                QualifiedName member;
                do {
                    member = stack.pop();
                    component.add(member);
                } while (!member.equals(t));
                if (component.size() > 1 || parents(t).contains(t)) {
                    found.add(component);
                }
            }
        }
    }

    private static String from(Table table) {
        return (table.kind() == TableKind.PARTITIONED ? "" : "ONLY ") + table.name().quoted();
    }
}

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
        String condition = restricted.contains(table.name()) ? condition(table, alias, new ArrayDeque<>()) : null;
        String from = from(table) + " AS " + alias;
        String select = "SELECT " + columns.stream().map(c -> alias + "." + Sessions.quote(c))
                .collect(Collectors.joining(", ")) + " FROM " + from
                + (condition == null ? "" : " WHERE " + condition)
                + " ORDER BY " + OrderBy.sql(alias, key, facts.collatable(table.name()));
        String leftOut = null;
        String user = where.get(table.name());
        if (condition != null && !condition.equals("(" + user + ")")) {
            leftOut = "SELECT count(*) FROM " + from + " WHERE " + (user == null ? "true" : "coalesce((" + user
                    + "), false)") + " AND NOT (" + condition + ")";
        }
        return new TablePlan(table.name(), columns, key, user, select, leftOut, facts.size(table.name()));
    }

    /** The condition on rows of {@code table} (the innermost FROM item, aliased {@code alias}). */
    private String condition(Table table, String alias, Deque<QualifiedName> path) {
        if (path.contains(table.name())) {
            throw new DumpException("A subset dump cannot follow the foreign keys of " + table.name() + ": they"
                    + " lead back to it (" + path.stream().map(Object::toString).collect(Collectors.joining(" -> "))
                    + " -> " + table.name() + "). Dump the tables of that cycle whole, without filters, or leave"
                    + " them all out.");
        }
        path.push(table.name());
        List<String> parts = new ArrayList<>();
        if (where.containsKey(table.name())) {
            parts.add("(" + where.get(table.name()) + ")");
        }
        for (ForeignKey fk : table.foreignKeys()) {
            QualifiedName parent = root(fk.referencedTable());
            boolean keep = dumped.contains(parent);
            if (keep && !restricted.contains(parent)) {
                continue;
            }
            String nullable = fk.columns().stream().map(c -> alias + "." + Sessions.quote(c) + " IS NULL")
                    .collect(Collectors.joining(" OR "));
            if (!keep) {
                parts.add("(" + nullable + ")");
                continue;
            }
            Table p = registry.table(parent);
            aliases++;
            String a = "t" + aliases;
            StringBuilder join = new StringBuilder();
            for (int i = 0; i < fk.columns().size(); i++) {
                join.append(i == 0 ? "" : " AND ").append(a).append('.').append(Sessions.quote(
                        fk.referencedColumns().get(i))).append(" = ").append(alias).append('.')
                        .append(Sessions.quote(fk.columns().get(i)));
            }
            parts.add("(" + nullable + " OR EXISTS (SELECT 1 FROM " + from(p) + " AS " + a + " WHERE " + join
                    + " AND " + condition(p, a, path) + "))");
        }
        path.pop();
        return parts.isEmpty() ? "true" : String.join(" AND ", parts);
    }

    private static String from(Table table) {
        return (table.kind() == TableKind.PARTITIONED ? "" : "ONLY ") + table.name().quoted();
    }
}

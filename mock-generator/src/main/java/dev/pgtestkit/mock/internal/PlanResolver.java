package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.TablePlan;
import dev.pgtestkit.mock.internal.value.ValueTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a plan against the schema: table names (forgiving), every table for {@code allTables}, required
 * parents that are empty and outside the plan, the insertion order, and each table's row count (per-parent
 * counts summed over the parent rows that will exist).
 */
final class PlanResolver {

    private final SchemaView registry;
    private final DatabaseState db;
    private final long seed;

    PlanResolver(SchemaView registry, DatabaseState db, long seed) {
        this.registry = registry;
        this.db = db;
        this.seed = seed;
    }

    List<ResolvedTable> resolve(GenerationPlan plan, PlanKeys keys) {
        Map<QualifiedName, TablePlan> named = named(plan);
        Map<QualifiedName, Long> rows = new LinkedHashMap<>();
        named.forEach((name, tp) -> rows.put(name, tp.rows()));
        Set<QualifiedName> excluded = new HashSet<>();
        plan.excluded().forEach(name -> excluded.add(registry.table(name).name()));
        if (plan.allTablesRows() != null) {
            for (Table t : registry.tables()) {
                if (t.partitionOf() == null && !excluded.contains(t.name())
                        && !GenerationPlan.MIGRATION_TABLES.contains(t.simpleName())) {
                    rows.putIfAbsent(t.name(), plan.allTablesRows());
                }
            }
        }
        addRequiredParents(rows, named, excluded, plan.parentRows());
        List<ResolvedTable> out = new ArrayList<>();
        for (QualifiedName name : registry.insertionOrder(rows.keySet())) {
            Table table = registry.table(name);
            TablePlan tp = named.get(name);
            long tableSeed = Hash.of(seed, Hash.of(name.toString()));
            long count = tp != null && tp.perParent() != null ? perParentRows(table, tp, tableSeed, keys, rows)
                    : rows.get(name);
            keys.plan(name, count, tp != null && tp.reuseExistingRows());
            out.add(new ResolvedTable(table, tp, count, tableSeed));
        }
        return out;
    }

    private Map<QualifiedName, TablePlan> named(GenerationPlan plan) {
        Map<QualifiedName, TablePlan> named = new LinkedHashMap<>();
        for (TablePlan tp : plan.tables()) {
            Table t = registry.table(tp.table());
            if (t.partitionOf() != null) {
                throw new GenerationException("Table " + t.name() + " is a partition of " + t.partitionOf()
                        + ": plan rows for " + t.partitionOf() + " instead (Postgres routes them to partitions).",
                        t.schema(), t.simpleName(), null, null);
            }
            if (named.put(t.name(), tp) != null) {
                throw new GenerationException("Table " + t.name() + " is named twice in the plan.", t.schema(),
                        t.simpleName(), null, null);
            }
        }
        return named;
    }

    /**
     * Empty tables outside the plan that a NOT NULL foreign key of a planned table needs get rows too (also for
     * tables counted per parent, whose row count is not known yet). An excluded table needed that way is an
     * error naming the tables that need it.
     */
    private void addRequiredParents(Map<QualifiedName, Long> rows, Map<QualifiedName, TablePlan> named,
                                    Set<QualifiedName> excluded, long parentRows) {
        boolean added = true;
        while (added) {
            added = false;
            for (QualifiedName name : new ArrayList<>(rows.keySet())) {
                TablePlan tp = named.get(name);
                if (rows.get(name) == 0 && (tp == null || tp.perParent() == null)) {
                    continue;
                }
                for (ForeignKey fk : registry.table(name).foreignKeys()) {
                    QualifiedName parent = fk.referencedTable();
                    if (!rows.containsKey(parent) && required(registry.table(name), fk) && db.rowCount(parent) == 0) {
                        if (excluded.contains(parent)) {
                            throw excludedParent(parent, rows.keySet());
                        }
                        rows.put(parent, parentRows);
                        added = true;
                    }
                }
            }
        }
    }

    private GenerationException excludedParent(QualifiedName parent, Set<QualifiedName> planned) {
        List<String> needing = new ArrayList<>();
        for (QualifiedName name : planned) {
            for (ForeignKey fk : registry.table(name).foreignKeys()) {
                if (fk.referencedTable().equals(parent) && required(registry.table(name), fk)) {
                    needing.add(name + " (" + fk.name() + " " + fk.columns() + ")");
                }
            }
        }
        return new GenerationException("Table " + parent + " is excluded from the plan, but it is empty and "
                + String.join(", ", needing) + " cannot be generated without its rows (NOT NULL foreign keys)."
                + " Stop excluding " + parent + ", exclude those tables too, or load rows into " + parent + " first.",
                parent.schema(), parent.name(), null, null);
    }

    private static boolean required(Table table, ForeignKey fk) {
        return !fk.isSelfReference() && fk.columns().stream()
                .allMatch(c -> table.column(c).map(Column::notNull).orElse(false));
    }

    private long perParentRows(Table table, TablePlan tp, long tableSeed, PlanKeys keys,
                               Map<QualifiedName, Long> rows) {
        ForeignKey fk = ForeignKeys.find(registry, table, tp.parentTable(), tp.perParent().fkColumn());
        if (fk.isSelfReference() || (rows.containsKey(fk.referencedTable()) && !keys.planned(fk.referencedTable()))) {
            throw new GenerationException("Cannot count rows of " + table.name() + " per " + fk.referencedTable()
                    + " row: that table is generated after it (a foreign key cycle or self-reference). Give "
                    + table.name() + " a plain row count.", table.schema(), table.simpleName(),
                    fk.columns().get(0), fk.name());
        }
        long parents = keys.parents(fk, fk.columns().stream()
                .map(c -> ValueTypes.of(table.column(c).orElseThrow())).toList()).size();
        return GroupLayout.perParent(parents, tp.perParent().min(), tp.perParent().max(),
                GroupPlanner.layoutSeed(tableSeed)).rows();
    }
}

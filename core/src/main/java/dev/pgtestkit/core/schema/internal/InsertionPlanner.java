package dev.pgtestkit.core.schema.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.FkCycle;
import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.InsertionOrder;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TypeCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders tables parents first. Strongly connected components of the foreign-key graph (Tarjan) are the
 * cycles; the components are then placed with Kahn's algorithm, smallest name first among those ready, so
 * the order is deterministic. Foreign keys to tables outside the given set are ignored.
 */
public final class InsertionPlanner {

    private final Map<QualifiedName, Table> tables;

    private InsertionPlanner(Collection<Table> tables) {
        this.tables = tables.stream().collect(Collectors.toMap(Table::name, Function.identity(), (a, b) -> a,
                TreeMap::new));
    }

    public static InsertionOrder plan(Collection<Table> tables) {
        return new InsertionPlanner(tables).plan();
    }

    /**
     * True when the foreign key can be left empty while inserting and filled in later: it is deferrable, or
     * every one of its columns is nullable (NOT NULL neither on the column nor on its domain).
     */
    public static boolean isBreakable(ForeignKey fk, Table table) {
        return fk.deferrable() || fk.columns().stream()
                .allMatch(name -> table.column(name).filter(InsertionPlanner::nullable).isPresent());
    }

    private InsertionOrder plan() {
        List<QualifiedName> names = new ArrayList<>(tables.keySet());
        Map<QualifiedName, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            position.put(names.get(i), i);
        }
        int[][] edges = new int[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            edges[i] = tables.get(names.get(i)).foreignKeys().stream().map(ForeignKey::referencedTable)
                    .filter(position::containsKey).map(position::get).distinct().sorted()
                    .mapToInt(Integer::intValue).toArray();
        }
        List<Set<QualifiedName>> components = StronglyConnected.components(edges).stream()
                .map(c -> (Set<QualifiedName>) c.stream().map(names::get)
                        .collect(Collectors.toCollection(TreeSet::new)))
                .toList();
        List<QualifiedName> order = new ArrayList<>();
        List<FkCycle> cycles = new ArrayList<>();
        for (Set<QualifiedName> component : placeComponents(components)) {
            List<ForeignKey> internal = internalEdges(component);
            if (internal.isEmpty()) {
                order.addAll(component);
            } else {
                FkCycle cycle = cycle(component, internal);
                order.addAll(cycle.tables());
                cycles.add(cycle);
            }
        }
        return new InsertionOrder(order, cycles);
    }

    /** Kahn over the condensation: a component goes once all components it references are placed. */
    private List<Set<QualifiedName>> placeComponents(List<Set<QualifiedName>> components) {
        Map<QualifiedName, Integer> componentOf = new HashMap<>();
        for (int c = 0; c < components.size(); c++) {
            for (QualifiedName name : components.get(c)) {
                componentOf.put(name, c);
            }
        }
        List<Set<Integer>> parents = new ArrayList<>();
        for (Set<QualifiedName> component : components) {
            Set<Integer> referenced = new LinkedHashSet<>();
            for (QualifiedName name : component) {
                tables.get(name).foreignKeys().stream().map(ForeignKey::referencedTable)
                        .filter(componentOf::containsKey).map(componentOf::get).forEach(referenced::add);
            }
            referenced.remove(componentOf.get(component.iterator().next()));
            parents.add(referenced);
        }
        return KahnOrder.sort(components.size(), parents,
                Comparator.comparing((Integer c) -> components.get(c).iterator().next()))
                .stream().map(components::get).toList();
    }

    private List<ForeignKey> internalEdges(Set<QualifiedName> component) {
        return component.stream().flatMap(name -> tables.get(name).foreignKeys().stream())
                .filter(fk -> component.contains(fk.referencedTable())).toList();
    }

    /** The cycle's tables ordered by the edges that must hold at insert time, then by name. */
    private FkCycle cycle(Set<QualifiedName> component, List<ForeignKey> internal) {
        List<ForeignKey> breakable = internal.stream()
                .filter(fk -> isBreakable(fk, tables.get(fk.table()))).toList();
        List<QualifiedName> members = new ArrayList<>(component);
        List<Set<Integer>> mustFollow = new ArrayList<>();
        for (QualifiedName member : members) {
            Set<Integer> referenced = new LinkedHashSet<>();
            internal.stream().filter(fk -> fk.table().equals(member) && !fk.isSelfReference()
                            && !breakable.contains(fk))
                    .forEach(fk -> referenced.add(members.indexOf(fk.referencedTable())));
            mustFollow.add(referenced);
        }
        List<QualifiedName> ordered = KahnOrder.sort(members.size(), mustFollow, Comparator.naturalOrder())
                .stream().map(members::get).toList();
        return new FkCycle(ordered, internal, breakable);
    }

    private static boolean domainNotNull(PgType type) {
        for (PgType t = type; t != null && t.category() == TypeCategory.DOMAIN; t = t.baseType()) {
            if (t.domainNotNull()) {
                return true;
            }
        }
        return false;
    }

    private static boolean nullable(Column column) {
        return !column.notNull() && !domainNotNull(column.type());
    }
}

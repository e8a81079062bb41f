package dev.pgtestkit.core.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A group of tables whose foreign keys form a cycle: a strongly connected component of the FK graph with more
 * than one table, or one table referencing itself.
 *
 * @param tables         tables of the component, in the order they can be inserted once the breakable edges
 *                       are left empty (or deferred)
 * @param edges          the foreign keys between them (self-references included), by table then name
 * @param breakableEdges those edges that can be left empty at insert time and filled in afterwards:
 *                       all their columns are nullable, or the constraint is deferrable
 */
public record FkCycle(List<QualifiedName> tables, List<ForeignKey> edges, List<ForeignKey> breakableEdges) {

    public FkCycle {
        tables = List.copyOf(tables);
        edges = List.copyOf(edges);
        breakableEdges = List.copyOf(breakableEdges);
    }

    /** The edges that must hold at insert time: NOT NULL columns and not deferrable. */
    public List<ForeignKey> unbreakableEdges() {
        return edges.stream().filter(e -> !breakableEdges.contains(e)).toList();
    }

    /**
     * True when leaving all {@link #breakableEdges()} empty removes every cycle, so rows can be inserted and the
     * breakable references filled in afterwards (or checked at commit, when deferrable).
     */
    public boolean isBreakable() {
        List<ForeignKey> remaining = new ArrayList<>(unbreakableEdges());
        Set<QualifiedName> placed = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (QualifiedName table : tables) {
                // A table can go once every table it must reference (itself included) is placed.
                if (!placed.contains(table) && remaining.stream()
                        .noneMatch(e -> e.table().equals(table) && !placed.contains(e.referencedTable()))) {
                    placed.add(table);
                    progress = true;
                }
            }
        }
        return placed.size() == tables.size();
    }
}

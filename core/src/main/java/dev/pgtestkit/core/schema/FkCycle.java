package dev.pgtestkit.core.schema;

import java.util.List;

/**
 * A group of tables whose foreign keys form a cycle.
 *
 * @param tables         tables of the strongly connected component
 * @param edges          the foreign keys between them
 * @param breakableEdges those edges that can be left empty at insert time and filled in afterwards:
 *                       all their columns are nullable, or the constraint is deferrable
 */
public record FkCycle(List<QualifiedName> tables, List<ForeignKey> edges, List<ForeignKey> breakableEdges) {

    public FkCycle {
        tables = List.copyOf(tables);
        edges = List.copyOf(edges);
        breakableEdges = List.copyOf(breakableEdges);
    }

    public boolean isBreakable() {
        return !breakableEdges.isEmpty();
    }
}

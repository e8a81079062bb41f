package dev.pgtestkit.core.schema;

import java.util.List;

/**
 * Tables ordered so that referenced tables come before the tables referencing them.
 *
 * @param tables the order; tables of a cycle are adjacent, in an order that works once
 *               {@link FkCycle#breakableEdges()} are deferred or filled in afterwards
 * @param cycles the foreign-key cycles found (strongly connected components of more than one table,
 *               or one table referencing itself)
 */
public record InsertionOrder(List<QualifiedName> tables, List<FkCycle> cycles) {

    public InsertionOrder {
        tables = List.copyOf(tables);
        cycles = List.copyOf(cycles);
    }
}

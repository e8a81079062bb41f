package dev.pgtestkit.core.schema;

import dev.pgtestkit.core.SchemaException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tables ordered so that referenced tables come before the tables referencing them. Computing it never
 * fails; {@link #requireInsertable()} turns an unbreakable cycle into an error for callers that need one.
 *
 * @param tables the order; tables of a cycle are adjacent, in an order that works once
 *               {@link FkCycle#breakableEdges()} are deferred or filled in afterwards. Deterministic: among
 *               tables that could go next, the smallest qualified name goes first
 * @param cycles the foreign-key cycles found (strongly connected components of more than one table,
 *               or one table referencing itself), in insertion order
 */
public record InsertionOrder(List<QualifiedName> tables, List<FkCycle> cycles) {

    public InsertionOrder {
        tables = List.copyOf(tables);
        cycles = List.copyOf(cycles);
    }

    /** Cycles that no nullable or deferrable foreign key can break: rows cannot be inserted into them. */
    public List<FkCycle> unbreakableCycles() {
        return cycles.stream().filter(c -> !c.isBreakable()).toList();
    }

    /**
     * This order, when every cycle can be broken.
     *
     * @throws SchemaException naming the tables and constraints of the first cycle that cannot be broken
     */
    public InsertionOrder requireInsertable() {
        List<FkCycle> unbreakable = unbreakableCycles();
        if (unbreakable.isEmpty()) {
            return this;
        }
        FkCycle cycle = unbreakable.get(0);
        String tableList = cycle.tables().stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
        String constraints = cycle.unbreakableEdges().stream()
                .map(fk -> fk.name() + " (" + fk.table() + "(" + String.join(", ", fk.columns()) + ") -> "
                        + fk.referencedTable() + ")")
                .collect(Collectors.joining(", "));
        QualifiedName first = cycle.tables().get(0);
        throw new SchemaException("The foreign keys of " + tableList + " form a cycle that cannot be broken: "
                + constraints + " - NOT NULL and not deferrable, so no row can be inserted first."
                + " Make one of these foreign keys' columns nullable or declare the constraint DEFERRABLE.",
                first.schema(), first.name());
    }
}

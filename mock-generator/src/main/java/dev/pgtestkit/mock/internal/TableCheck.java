package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import dev.pgtestkit.mock.internal.check.CheckAnalysis;
import java.util.List;

/**
 * A table check, or a domain check rewritten onto its column, with its analysis.
 *
 * @param name     constraint name (for messages)
 * @param sql      the expression in terms of the table's columns, for server-side verification
 * @param analysis the expression's alternatives; domain checks have {@code VALUE} replaced by the column
 */
public record TableCheck(String name, String sql, CheckAnalysis analysis) {

    List<List<Atom>> disjuncts() {
        return analysis.disjuncts();
    }
}

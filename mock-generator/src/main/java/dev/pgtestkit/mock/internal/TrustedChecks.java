package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import dev.pgtestkit.mock.internal.check.Atoms;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every row meets by construction: each atom, in each alternative, constrains one column the variant
 * sources generate (not a key column, not an override) in a way {@link RuleBuilder} turns into a rule. The
 * sources then only produce values inside the rule, so evaluating the check again per row would be wasted work.
 * Relations, key columns, overrides and opaque atoms keep a check under evaluation.
 */
final class TrustedChecks {

    private TrustedChecks() {
    }

    static Set<TableCheck> of(List<TableCheck> checks, Map<String, ColumnSpec> columns, Set<Integer> precomputed) {
        Set<TableCheck> trusted = new HashSet<>();
        for (TableCheck check : checks) {
            if (!check.analysis().opaque() && !check.disjuncts().isEmpty()
                    && check.disjuncts().stream().flatMap(List::stream)
                    .allMatch(a -> constructed(a, columns, precomputed))) {
                trusted.add(check);
            }
        }
        return trusted;
    }

    private static boolean constructed(Atom atom, Map<String, ColumnSpec> columns, Set<Integer> precomputed) {
        ColumnSpec c = columns.get(Atoms.column(atom));
        if (c == null || c.override() != null || precomputed.contains(c.position())) {
            return false;
        }
        return RuleBuilder.apply(new ColumnRule(c.type(), c.notNull()), atom);
    }
}

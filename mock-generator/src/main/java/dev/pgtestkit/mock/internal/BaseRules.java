package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.internal.check.Atom;
import dev.pgtestkit.mock.internal.check.Atoms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that hold on every row: the column types plus the atoms of checks that have a single alternative.
 * A NOT NULL column no value can satisfy is an error naming the checks involved, before anything is written;
 * a nullable one is left NULL.
 */
final class BaseRules {

    final ColumnRule[] rules;
    final List<Atom.Relation> relations = new ArrayList<>();

    private BaseRules(int width) {
        this.rules = new ColumnRule[width];
    }

    static BaseRules of(Table table, List<ColumnSpec> columns, Map<String, ColumnSpec> byName,
                        List<TableCheck> checks) {
        BaseRules base = new BaseRules(columns.size());
        for (ColumnSpec c : columns) {
            base.rules[c.position()] = new ColumnRule(c.type(), c.notNull());
        }
        List<Set<String>> contributors = new ArrayList<>();
        columns.forEach(c -> contributors.add(new LinkedHashSet<>()));
        for (TableCheck check : checks) {
            if (check.disjuncts().size() != 1) {
                continue;
            }
            for (Atom atom : check.disjuncts().get(0)) {
                if (atom instanceof Atom.Relation r) {
                    base.relations.add(r);
                    continue;
                }
                ColumnSpec c = byName.get(Atoms.column(atom));
                if (c != null && RuleBuilder.apply(base.rules[c.position()], atom)) {
                    contributors.get(c.position()).add(check.name());
                }
            }
        }
        base.settle(table, columns, contributors);
        return base;
    }

    private void settle(Table table, List<ColumnSpec> columns, List<Set<String>> contributors) {
        for (ColumnSpec c : columns) {
            ColumnRule rule = rules[c.position()];
            if (c.override() != null || !rule.nonNullImpossible()) {
                continue;
            }
            if (rule.notNull) {
                throw new GenerationException("Check constraint " + String.join(", ", contributors.get(c.position()))
                        + " on table " + table.name() + " can never be met: no value of " + c.label()
                        + " satisfies it, and the column is NOT NULL. Fix the constraint, or override column \""
                        + c.name() + "\".", table.schema(), table.simpleName(), c.name(),
                        contributors.get(c.position()).stream().findFirst().orElse(null));
            }
            rule.forcedNull = true;
        }
    }
}

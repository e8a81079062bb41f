package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the rules of a table's non-key columns for a set of chosen check alternatives into a
 * {@link Variant}: base rules (from checks that hold on every row) plus the chosen atoms, relations turned into
 * bounds, sources built.
 */
final class VariantCompiler {

    private final List<ColumnSpec> columns;
    private final Map<String, ColumnSpec> byName;
    private final ColumnRule[] baseRules;
    private final List<Atom.Relation> baseRelations;
    private final List<ColumnRule.Bound>[] softBounds;
    private final Set<Integer> precomputed;
    private final Set<String> nullControlled;
    private final SourceFactory sources;

    VariantCompiler(List<ColumnSpec> columns, Map<String, ColumnSpec> byName, ColumnRule[] baseRules,
                    List<Atom.Relation> baseRelations, List<ColumnRule.Bound>[] softBounds, Set<Integer> precomputed,
                    Set<String> nullControlled, SourceFactory sources) {
        this.columns = columns;
        this.byName = byName;
        this.baseRules = baseRules;
        this.baseRelations = baseRelations;
        this.softBounds = softBounds;
        this.precomputed = precomputed;
        this.nullControlled = nullControlled;
        this.sources = sources;
    }

    Variant compile(List<List<Atom>> chosen) {
        ColumnRule[] rules = rulesFor(chosen);
        List<Integer> free = new ArrayList<>();
        List<Integer> overridden = new ArrayList<>();
        boolean feasible = true;
        for (ColumnSpec c : columns) {
            int p = c.position();
            if (precomputed.contains(p)) {
                continue;
            }
            (c.override() != null ? overridden : free).add(p);
            feasible &= c.override() != null || !rules[p].impossible();
        }
        int[] ordered = RelationOrder.order(free, rules);
        int[] order = new int[ordered.length + overridden.size()];
        System.arraycopy(ordered, 0, order, 0, ordered.length);
        for (int k = 0; k < overridden.size(); k++) {
            order[ordered.length + k] = overridden.get(k);
        }
        ValueSource[] built = new ValueSource[columns.size()];
        for (int p : order) {
            ColumnSpec c = columns.get(p);
            built[p] = sources.of(c, rules[p], nullControlled.contains(c.name()));
        }
        return new Variant(feasible, order, built, nulledKeys(chosen));
    }

    /** Key columns the chosen alternatives require to be NULL (the arms of an exclusive arc not taken). */
    private int[] nulledKeys(List<List<Atom>> chosen) {
        return chosen.stream().flatMap(List::stream)
                .filter(a -> a instanceof Atom.NullTest n && n.isNull())
                .map(a -> byName.get(((Atom.NullTest) a).column()))
                .filter(c -> c != null && precomputed.contains(c.position()) && !c.notNull())
                .mapToInt(ColumnSpec::position).distinct().toArray();
    }

    /** Base rules plus the chosen atoms; relations become bounds. */
    ColumnRule[] rulesFor(List<List<Atom>> chosen) {
        ColumnRule[] rules = new ColumnRule[baseRules.length];
        for (int p = 0; p < rules.length; p++) {
            rules[p] = baseRules[p].copy();
        }
        List<Atom.Relation> relations = new ArrayList<>(baseRelations);
        for (List<Atom> alternative : chosen) {
            for (Atom atom : alternative) {
                if (atom instanceof Atom.Relation r) {
                    relations.add(r);
                } else {
                    ColumnSpec c = byName.get(TableChecks.columnOf(atom));
                    if (c != null && !precomputed.contains(c.position())) {
                        RuleBuilder.apply(rules[c.position()], atom);
                    }
                }
            }
        }
        RelationOrder.addBounds(relations, byName, rules, precomputed);
        for (int p = 0; p < rules.length; p++) {
            if (rules[p].bounds.isEmpty() && softBounds[p] != null) {
                rules[p].bounds.addAll(softBounds[p]);
            }
        }
        return rules;
    }
}

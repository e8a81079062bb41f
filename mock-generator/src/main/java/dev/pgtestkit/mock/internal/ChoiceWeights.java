package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.internal.check.Atom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weights of the alternatives of checks with several: an alternative that only says "these columns are NULL"
 * gets the columns' null fraction, the others share the rest; alternatives that cannot hold get nothing. A check
 * with no alternative that can hold is an error before anything is written.
 */
final class ChoiceWeights {

    private ChoiceWeights() {
    }

    static List<Variants.Choice> of(Table table, List<TableCheck> checks, VariantCompiler compiler,
                                    Map<String, ColumnSpec> byName, Set<Integer> precomputed) {
        List<Variants.Choice> choices = new ArrayList<>();
        for (TableCheck check : checks) {
            if (check.disjuncts().size() > 1) {
                choices.add(choice(table, check, compiler, byName, precomputed));
            }
        }
        return choices;
    }

    private static Variants.Choice choice(Table table, TableCheck check, VariantCompiler compiler,
                                          Map<String, ColumnSpec> byName, Set<Integer> precomputed) {
        List<List<Atom>> alternatives = check.disjuncts();
        double[] weights = new double[alternatives.size()];
        boolean[] feasible = new boolean[alternatives.size()];
        double nullShare = 0;
        int others = 0;
        for (int j = 0; j < weights.length; j++) {
            feasible[j] = feasible(alternatives.get(j), compiler, byName, precomputed);
            Double nullWeight = nullOnlyWeight(alternatives.get(j), byName);
            if (feasible[j] && nullWeight != null) {
                weights[j] = nullWeight;
                nullShare += nullWeight;
            } else if (feasible[j]) {
                weights[j] = -1;
                others++;
            }
        }
        double rest = others == 0 ? 0 : Math.max(0, 1 - nullShare) / others;
        for (int j = 0; j < weights.length; j++) {
            weights[j] = weights[j] < 0 ? rest : weights[j];
        }
        return new Variants.Choice(check, alternatives, cumulative(table, check, weights, feasible));
    }

    private static boolean feasible(List<Atom> alternative, VariantCompiler compiler, Map<String, ColumnSpec> byName,
                                    Set<Integer> precomputed) {
        for (Atom a : alternative) {
            if (a instanceof Atom.NullTest n && n.isNull() && byName.containsKey(n.column())
                    && byName.get(n.column()).notNull()) {
                return false;
            }
        }
        ColumnRule[] rules = compiler.rulesFor(List.of(alternative));
        for (ColumnSpec c : byName.values()) {
            if (!precomputed.contains(c.position()) && c.override() == null && rules[c.position()].impossible()) {
                return false;
            }
        }
        return true;
    }

    /** The weight of an alternative that only sets columns to NULL, or {@code null} for any other. */
    private static Double nullOnlyWeight(List<Atom> alternative, Map<String, ColumnSpec> byName) {
        if (alternative.isEmpty()) {
            return null;
        }
        double w = 1;
        for (Atom a : alternative) {
            if (!(a instanceof Atom.NullTest n && n.isNull())) {
                return null;
            }
            ColumnSpec c = byName.get(n.column());
            w *= c == null ? 1 : c.nullFraction();
        }
        return w;
    }

    private static double[] cumulative(Table table, TableCheck check, double[] weights, boolean[] feasible) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (total <= 0) {
            int count = 0;
            for (int j = 0; j < weights.length; j++) {
                weights[j] = feasible[j] ? 1 : 0;
                count += feasible[j] ? 1 : 0;
            }
            if (count == 0) {
                throw new GenerationException("Check constraint " + check.name() + " on table " + table.name()
                        + " can never be met: none of its alternatives fits the columns' types and other"
                        + " constraints (" + check.sql() + "). Fix the constraint, or override its columns.",
                        table.schema(), table.simpleName(), null, check.name());
            }
            total = count;
        }
        double[] out = new double[weights.length];
        double running = 0;
        for (int j = 0; j < weights.length; j++) {
            running += weights[j] / total;
            out[j] = running;
        }
        out[out.length - 1] = 1;
        return out;
    }
}

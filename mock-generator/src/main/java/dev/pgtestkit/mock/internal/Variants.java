package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses, per row, one alternative of every check that has several ({@code deleted_at IS NULL OR deleted_at
 * >= created_at}), weighted so that NULL alternatives come up as often as the column's null fraction says, and
 * compiles each combination of choices once into a {@link Variant}.
 */
final class Variants {

    /** A check with several alternatives and their cumulative weights (the last is 1). */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
    record Choice(TableCheck check, List<List<Atom>> alternatives, double[] cumulative) {
    }

    private final VariantCompiler compiler;
    private final List<Choice> choices;
    private final Map<Long, Variant> cache = new ConcurrentHashMap<>();

    Variants(VariantCompiler compiler, List<Choice> choices) {
        this.compiler = compiler;
        this.choices = List.copyOf(choices);
    }

    Variant choose(long rowSeed, int attempt) {
        long key = 0;
        List<List<Atom>> chosen = choices.isEmpty() ? List.of() : new ArrayList<>(choices.size());
        for (int k = 0; k < choices.size(); k++) {
            Choice c = choices.get(k);
            double u = Hash.unit(Hash.of(rowSeed, 0xC0DEL + k, attempt));
            int index = 0;
            while (index < c.cumulative().length - 1 && u >= c.cumulative()[index]) {
                index++;
            }
            key = key * c.alternatives().size() + index;
            chosen.add(c.alternatives().get(index));
        }
        Variant cached = cache.get(key);
        if (cached == null) {
            cached = compiler.compile(chosen);
            cache.putIfAbsent(key, cached);
        }
        return cached;
    }

    /** Columns whose NULLs come from choosing an {@code IS NULL} alternative. */
    static Set<String> nullControlled(List<TableCheck> checks) {
        Set<String> out = new java.util.HashSet<>();
        for (TableCheck check : checks) {
            if (check.disjuncts().size() > 1) {
                for (List<Atom> alternative : check.disjuncts()) {
                    for (Atom a : alternative) {
                        if (a instanceof Atom.NullTest n && n.isNull()) {
                            out.add(n.column());
                        }
                    }
                }
            }
        }
        return out;
    }
}

package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.ColumnRule.Bound;
import dev.pgtestkit.mock.internal.check.Atom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns column-vs-column atoms into bounds on the column generated second, and orders the columns so every
 * bound's column comes first. Key columns are filled before all others, so a relation with a key column
 * always bounds the other one. Relations with an overridden column, and bounds that would form a cycle, are
 * not constructed (the row is still checked).
 */
final class RelationOrder {

    private RelationOrder() {
    }

    static void addBounds(List<Atom.Relation> relations, Map<String, ColumnSpec> columns, ColumnRule[] rules,
                          Set<Integer> precomputed) {
        for (Atom.Relation r : relations) {
            ColumnSpec left = columns.get(r.left());
            ColumnSpec right = columns.get(r.right());
            if (left == null || right == null || left.override() != null || right.override() != null) {
                continue;
            }
            boolean leftFixed = precomputed.contains(left.position());
            boolean rightFixed = precomputed.contains(right.position());
            if (leftFixed && rightFixed) {
                continue;
            }
            if (leftFixed) {
                rules[right.position()].bounds.add(new Bound(left.position(), r.op().flip(), false));
            } else {
                rules[left.position()].bounds.add(new Bound(right.position(), r.op(), false));
            }
        }
    }

    /** Columns of {@code free} in an order where each column's bounds refer to earlier or key columns. */
    static int[] order(List<Integer> free, ColumnRule[] rules) {
        List<Integer> pending = new ArrayList<>(free);
        List<Integer> done = new ArrayList<>();
        while (!pending.isEmpty()) {
            Integer next = pending.stream().filter(p -> ready(p, rules, pending)).findFirst().orElse(null);
            if (next == null) {
                next = pending.get(0);
                Integer cut = next;
                rules[cut].bounds.removeIf(b -> pending.contains(b.other()));
            }
            pending.remove(next);
            done.add(next);
        }
        return done.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean ready(int p, ColumnRule[] rules, List<Integer> pending) {
        return rules[p].bounds.stream().noneMatch(b -> b.other() != p && pending.contains(b.other()));
    }
}

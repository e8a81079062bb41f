package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.internal.KeyPlanner.Dim;
import dev.pgtestkit.mock.internal.KeyPlanner.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays rows out by a parent foreign key: every unique key that contains the parent gets one other dimension
 * that is distinct within each parent's rows (so a group can hold as many rows as that dimension has values),
 * then the rows are spread over the parents, or counted per parent as asked.
 */
final class GroupPlanner {

    private final KeyInputs in;
    private final List<KeyPlanner.Key> keys;
    private final Dim group;

    GroupPlanner(KeyInputs in, List<KeyPlanner.Key> keys, Dim group) {
        this.in = in;
        this.keys = keys;
        this.group = group;
    }

    GroupLayout layout() {
        long perGroup = assignInner();
        group.mode = Mode.GROUP;
        long parents = group.capacity;
        long seed = layoutSeed(in.seed());
        if (parents == 0) {
            throw new GenerationException("Cannot generate rows for table " + in.table() + ": " + group.label
                    + " has no parent rows to point at. Generate rows for the parent table first.",
                    in.table().schema(), in.table().name(), null, null);
        }
        if (in.grouping() != null) {
            ChildCount count = in.grouping().count();
            GroupLayout layout = GroupLayout.perParent(parents, count.min(), count.max(), seed);
            if (layout.maxGroupSize() > perGroup) {
                throw tooManyPerParent(count.max(), perGroup, parents);
            }
            return layout;
        }
        if (perGroup != Long.MAX_VALUE && in.rows() > saturatedProduct(parents, perGroup)) {
            throw tooManyPerParent((in.rows() + parents - 1) / parents, perGroup, parents);
        }
        return GroupLayout.spread(in.rows(), parents, seed);
    }

    /** The seed of a table's per-parent counts (the plan resolver sums the same counts up front). */
    static long layoutSeed(long tableSeed) {
        return Hash.of(tableSeed, 0x6709L);
    }

    /** @return how many rows one group can hold */
    private long assignInner() {
        long perGroup = Long.MAX_VALUE;
        for (KeyPlanner.Key key : keys) {
            if (!key.dims().contains(group)) {
                continue;
            }
            List<Dim> inner = new ArrayList<>(key.dims());
            inner.remove(group);
            if (inner.isEmpty()) {
                perGroup = 1;
                continue;
            }
            if (inner.stream().noneMatch(d -> d.mode == Mode.INNER || d.mode == Mode.GLOBAL
                    || d.mode == Mode.SEQUENCE)) {
                Dim best = inner.stream().filter(d -> d.mode == Mode.FREE)
                        .max(Comparator.comparing((Dim d) -> !d.isForeignKey()).thenComparing(d -> d.capacity))
                        .orElseThrow(() -> new KeyPlanner(in).failure(key, in.rows(), "has no column to vary"));
                best.mode = Mode.INNER;
            }
            perGroup = Math.min(perGroup, inner.stream().filter(d -> d.mode == Mode.INNER)
                    .mapToLong(d -> d.capacity).min().orElse(Long.MAX_VALUE));
        }
        return perGroup;
    }

    private GenerationException tooManyPerParent(long asked, long perGroup, long parents) {
        String why = perGroup > 0
                ? "its unique keys allow only " + perGroup + " rows per parent (at most "
                        + saturatedProduct(perGroup, parents) + " rows in all over " + parents + " parents). Ask for at"
                        + " most " + perGroup + " per parent, or generate more parent rows."
                : "its unique keys leave no column to vary within a parent. Override one of their columns.";
        return new GenerationException("Cannot give each parent row of " + group.label + " " + asked + " rows of "
                + in.table() + ": " + why, in.table().schema(), in.table().name(), null, null);
    }

    private static long saturatedProduct(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}

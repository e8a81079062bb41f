package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.ParentDistribution;
import dev.pgtestkit.mock.internal.KeyAssigner.Cartesian;
import dev.pgtestkit.mock.internal.KeyAssigner.ColumnRuleOf;
import dev.pgtestkit.mock.internal.KeyAssigner.Coordinate;
import dev.pgtestkit.mock.internal.KeyAssigner.ForeignKeyRule;
import dev.pgtestkit.mock.internal.KeyAssigner.SequenceRule;
import dev.pgtestkit.mock.internal.KeyInputs.ForeignKeyInput;
import dev.pgtestkit.mock.internal.KeyInputs.SequenceInput;
import dev.pgtestkit.mock.internal.KeyInputs.UniqueKeyInput;
import dev.pgtestkit.mock.internal.KeyPlanner.Dim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outcome of {@link KeyPlanner}: the row count and the {@link KeyAssigner} that fills key columns. */
final class KeyLayout {

    private final KeyInputs in;
    private final GroupLayout layout;
    private final long rows;
    private final Map<Integer, Dim> foreignKeyDims;
    private final Map<Integer, Dim> columnDims;
    private final List<long[]> cartesians;
    private final Set<Integer> precomputed = new LinkedHashSet<>();

    KeyLayout(KeyInputs in, GroupLayout layout, long rows, Map<Integer, Dim> foreignKeyDims,
              Map<Integer, Dim> columnDims, List<long[]> cartesians) {
        this.in = in;
        this.layout = layout;
        this.rows = rows;
        this.foreignKeyDims = foreignKeyDims;
        this.columnDims = columnDims;
        this.cartesians = cartesians;
    }

    /** Rows the table will get (the count asked for, or the sum of per-parent counts). */
    long rows() {
        return rows;
    }

    /** Positions the assigner fills: sequences, key columns, foreign key columns. */
    Set<Integer> precomputed() {
        return precomputed;
    }

    KeyAssigner assigner() {
        List<SequenceRule> sequences = new ArrayList<>();
        for (SequenceInput s : in.sequences()) {
            sequences.add(new SequenceRule(s.position(), s.next(), s.increment(), s.value()));
            precomputed.add(s.position());
        }
        List<ForeignKeyRule> fks = new ArrayList<>();
        for (int i = 0; i < in.foreignKeys().size(); i++) {
            ForeignKeyInput f = in.foreignKeys().get(i);
            fks.add(new ForeignKeyRule(f.positions(), f.parents(), choice(i, f), f.link()));
            for (int p : f.positions()) {
                precomputed.add(p);
            }
        }
        List<ColumnRuleOf> columns = columnRules();
        List<Cartesian> carts = new ArrayList<>();
        for (int k = 0; k < cartesians.size(); k++) {
            long product = 1;
            for (long r : cartesians.get(k)) {
                product *= r;
            }
            carts.add(new Cartesian(new Permutation(product, Hash.of(in.seed(), 0xCA27L, k)), cartesians.get(k)));
        }
        return new KeyAssigner(in.seed(), in.base(), layout, sequences, columns, fks, carts);
    }

    private List<ColumnRuleOf> columnRules() {
        List<ColumnRuleOf> columns = new ArrayList<>();
        for (UniqueKeyInput u : in.uniqueKeys()) {
            for (int p : u.positions()) {
                Dim d = columnDims.get(p);
                // a key column that need not be unique itself is left to the variants, so checks shape it
                if (p >= 0 && !precomputed.contains(p) && d != null && coordinate(d) != null) {
                    columns.add(columnRule(p));
                    precomputed.add(p);
                }
            }
        }
        return columns;
    }

    private ColumnRuleOf columnRule(int position) {
        return new ColumnRuleOf(position, in.uniqueSource().apply(position), coordinate(columnDims.get(position)),
                null);
    }

    private Coordinate coordinate(Dim d) {
        long base = in.base();
        return switch (d.mode) {
            case GLOBAL -> c -> base + c.index;
            case INNER -> inner(d);
            case CARTESIAN -> {
                int k = d.cartesian;
                int component = d.component;
                yield c -> c.cartesian[k][component];
            }
            default -> null;
        };
    }

    /**
     * Rank within the group; over a small set of values (enum labels, a few codes) or a window of timestamps
     * rotated by the group, so one-row groups do not all take the first label or the same instant. Integer
     * ranges (line numbers) keep 1..k.
     */
    private Coordinate inner(Dim d) {
        long capacity = d.capacity;
        boolean window = capacity > 1_000_000_000_000L && capacity < Long.MAX_VALUE / 2;
        if (capacity < 2 || (capacity > 64 && !window)) {
            return c -> c.rank;
        }
        long key = Hash.of(in.seed(), 0x1EE7L, d.position);
        return c -> Math.floorMod(c.rank + Hash.of(key, c.group), capacity);
    }

    private ParentChoice choice(int index, ForeignKeyInput f) {
        Dim d = foreignKeyDims.get(index);
        long key = Hash.of(in.seed(), 0xF00DL, index);
        long parents = f.parents().size();
        if (d != null) {
            ParentChoice byDim = switch (d.mode) {
                case GROUP -> ParentChoice.of(c -> c.group);
                case INNER -> ParentChoice.distinctInGroup(parents, key);
                case GLOBAL -> ParentChoice.withoutReplacement(parents, key, 0);
                case CARTESIAN -> ParentChoice.of(coordinate(d));
                default -> null;
            };
            if (byDim != null) {
                return byDim;
            }
        }
        if (f.self()) {
            return ParentChoice.tree(key, f.nullFraction(), f.nullable(), in.base());
        }
        return randomChoice(f, key, parents);
    }

    private static ParentChoice randomChoice(ForeignKeyInput f, long key, long parents) {
        double nulls = f.nullable() ? f.nullFraction() : 0;
        if (f.distribution() instanceof ParentDistribution.Zipf z && parents > 1) {
            int n = (int) Math.min(parents, 50_000_000L);
            return ParentChoice.random(key, nulls, new Zipf(n, z.exponent()), new Permutation(n, Hash.mix(key)));
        }
        return ParentChoice.random(key, nulls, null, null);
    }
}

package dev.pgtestkit.mock.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * Fills a row's key columns (foreign keys, unique and primary key columns, sequence columns) as pure
 * functions of the row index, laid out by {@link KeyPlanner} so that every unique key holds by construction
 * and every foreign key points at an existing parent. Pure means a child can compute its parents' keys, and a
 * self-reference the key of an earlier row, without storing them.
 */
final class KeyAssigner {

    /** The coordinates of one row: index, group (parent) and rank within it, and cartesian components. */
    static final class Coords {
        long index;
        long group = -1;
        long rank;
        long[][] cartesian;
    }

    /** Where a dimension's coordinate comes from. */
    @FunctionalInterface
    interface Coordinate {
        long of(Coords c);
    }

    /** A foreign key's columns, how the parent is chosen, and its parent rows (for overrides). */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
    record ForeignKeyRule(int[] positions, ParentKeys parents, ParentChoice choice, ParentLink link) {
    }

    /** A key column filled from a coordinate, or from a plain source when it need not be unique itself. */
    record ColumnRuleOf(int position, UniqueSource unique, Coordinate coordinate, ValueSource plain) {
    }

    /** A column numbered by a sequence: {@code next + i * increment} ({@code next} is past existing rows). */
    record SequenceRule(int position, long next, long increment, LongFunction<Object> value) {
    }

    /** A cartesian product: one permutation, components by mixed radix. */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
    record Cartesian(Permutation permutation, long[] radices) {
    }

    private final long seed;
    private final long base;
    private final GroupLayout layout;
    private final List<SequenceRule> sequences;
    private final List<ColumnRuleOf> columns;
    private final List<ForeignKeyRule> foreignKeys;
    private final List<Cartesian> cartesians;
    private final BitSet filled = new BitSet();

    KeyAssigner(long seed, long base, GroupLayout layout, List<SequenceRule> sequences, List<ColumnRuleOf> columns,
                List<ForeignKeyRule> foreignKeys, List<Cartesian> cartesians) {
        this.seed = seed;
        this.base = base;
        this.layout = layout;
        this.sequences = List.copyOf(sequences);
        this.columns = List.copyOf(columns);
        this.foreignKeys = List.copyOf(foreignKeys);
        this.cartesians = List.copyOf(cartesians);
        sequences.forEach(r -> filled.set(r.position()));
        columns.forEach(r -> filled.set(r.position()));
        foreignKeys.forEach(r -> Arrays.stream(r.positions()).forEach(filled::set));
    }

    /** The foreign keys' parent rows, in the order {@link RowBuffer#chose} numbers them. */
    List<ParentLink> links() {
        return foreignKeys.stream().map(ForeignKeyRule::link).toList();
    }

    /** Whether {@link #fill} computes this position (else the row's other sources do). */
    boolean fills(int position) {
        return filled.get(position);
    }

    /** Fills every key column of row {@code i} into {@code row}. */
    void fill(long i, RowBuffer row, Rng rng) {
        fill(i, row, rng, null);
    }

    /**
     * Fills the key columns of row {@code i}; with {@code only}, just those positions (a child asking for its
     * parent's referenced key must not compute the parent's own parents: across a cycle that never ends).
     * Self-references are never computed for {@code only}.
     */
    void fill(long i, RowBuffer row, Rng rng, IntPredicate only) {
        Coords c = coords(i);
        Object[] values = row.values;
        for (SequenceRule s : sequences) {
            if (only == null || only.test(s.position())) {
                values[s.position()] = s.value().apply(s.next() + i * s.increment());
            }
        }
        for (ColumnRuleOf col : columns) {
            if (only == null || only.test(col.position())) {
                long columnSeed = Hash.of(seed, base + i, col.position());
                rng.reset(columnSeed);
                row.column(rng, columnSeed);
                values[col.position()] = col.unique() != null ? col.unique().valueAt(col.coordinate().of(c), rng)
                        : col.plain().next(rng, row);
            }
        }
        for (int k = 0; k < foreignKeys.size(); k++) {
            ForeignKeyRule fk = foreignKeys.get(k);
            if (only == null || (!fk.choice().isSelfReference() && anyOf(fk.positions(), only))) {
                long parent = fk.choice().parent(c, fk.parents().size());
                copyKey(fk, parent, values);
                row.chose(k, parent);
            }
        }
    }

    private static boolean anyOf(int[] positions, IntPredicate only) {
        for (int p : positions) {
            if (only.test(p)) {
                return true;
            }
        }
        return false;
    }

    private static void copyKey(ForeignKeyRule fk, long parent, Object[] values) {
        Object[] key = parent < 0 ? null : fk.parents().key(parent);
        for (int k = 0; k < fk.positions().length; k++) {
            values[fk.positions()[k]] = key == null ? null : key[k];
        }
    }

    private Coords coords(long i) {
        Coords c = new Coords();
        c.index = i;
        if (layout != null) {
            c.group = layout.groupOf(i);
            c.rank = i - layout.start(c.group);
        }
        if (!cartesians.isEmpty()) {
            c.cartesian = new long[cartesians.size()][];
            for (int k = 0; k < cartesians.size(); k++) {
                c.cartesian[k] = decompose(cartesians.get(k), base + i);
            }
        }
        return c;
    }

    private static long[] decompose(Cartesian cart, long index) {
        long x = cart.permutation().apply(index);
        long[] out = new long[cart.radices().length];
        for (int d = out.length - 1; d >= 0; d--) {
            out[d] = x % cart.radices()[d];
            x /= cart.radices()[d];
        }
        return out;
    }
}

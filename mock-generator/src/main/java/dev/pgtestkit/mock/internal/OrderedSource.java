package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.ColumnRule.Bound;
import dev.pgtestkit.mock.internal.check.Op;
import dev.pgtestkit.mock.internal.value.OrderedType;
import java.util.Arrays;

/**
 * Values of an ordered type, constructed inside the column's position range: the static range from checks
 * and the type, narrowed per row by bounds from other columns ({@code sale_price < price}); preferably inside
 * the natural range the column's name suggests. A value bounded below by another date/time column lands a
 * short while after it ({@code updated_at} soon after {@code created_at}).
 */
final class OrderedSource implements ValueSource {

    /** Static part of the source, computed once per column and check alternative. */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed: arrays for the hot loops
    record Spec(OrderedType type, long lo, long hi, long naturalLo, long naturalHi, long[] allowed,
                long[] choices, long[] excluded, Bound[] bounds, long spread) {
    }

    private final Spec s;

    OrderedSource(Spec spec) {
        this.s = spec;
    }

    @Override
    public Object next(Rng rng, RowBuffer row) {
        Window w = window(row);
        if (w.lo > w.hi) {
            return INFEASIBLE;
        }
        long position = s.allowed() != null ? pickAllowed(rng, w)
                : avoid(pick(rng, w.lo, w.hi, w.fromBelow, w.fromAbove), w);
        return position == Long.MIN_VALUE ? INFEASIBLE : s.type().valueAt(position);
    }

    /** The row's range: the static one narrowed by the other columns' values. */
    private static final class Window {
        long lo;
        long hi;
        long notEqual = Long.MIN_VALUE;
        boolean fromBelow;
        boolean fromAbove;
    }

    private Window window(RowBuffer row) {
        Window w = new Window();
        w.lo = s.lo();
        w.hi = s.hi();
        for (Bound b : s.bounds()) {
            Object v = row.value(b.other());
            if (v == null || v == INFEASIBLE) {
                continue;
            }
            OrderedType t = s.type();
            switch (b.op()) {
                case LT -> w.hi = Math.min(w.hi, t.ceil(v) - 1);
                case LE -> w.hi = Math.min(w.hi, t.floor(v));
                case GT -> w.lo = Math.max(w.lo, t.floor(v) + 1);
                case GE -> w.lo = Math.max(w.lo, t.ceil(v));
                case EQ -> {
                    w.lo = Math.max(w.lo, t.ceil(v));
                    w.hi = Math.min(w.hi, t.floor(v));
                }
                case NE -> w.notEqual = t.floor(v);
            }
            w.fromBelow |= b.op() == Op.GT || b.op() == Op.GE;
            w.fromAbove |= b.op() == Op.LT || b.op() == Op.LE;
        }
        return w;
    }

    private long pick(Rng rng, long l, long h, boolean fromBelow, boolean fromAbove) {
        if (s.choices() != null) {
            long[] inRange = Arrays.stream(s.choices()).filter(c -> c >= l && c <= h).toArray();
            if (inRange.length > 0) {
                return inRange[rng.index(inRange.length)];
            }
        }
        if (s.spread() > 0 && (fromBelow || fromAbove)) {
            long span = Math.min(saturatedSub(h, l), s.spread());
            long offset = (long) (span * Math.pow(rng.nextDouble(), 2));
            return fromBelow ? l + offset : h - offset;
        }
        long nl = Math.max(l, s.naturalLo());
        long nh = Math.min(h, s.naturalHi());
        if (nl <= nh) {
            return rng.between(nl, nh);
        }
        long width = Math.max(0, saturatedSub(s.naturalHi(), s.naturalLo()));
        if (s.naturalHi() < l) {
            return rng.between(l, l + Math.min(width, saturatedSub(h, l)));
        }
        return rng.between(h - Math.min(width, saturatedSub(h, l)), h);
    }

    private long pickAllowed(Rng rng, Window w) {
        long[] candidates = Arrays.stream(s.allowed()).filter(p -> usable(p, w)).toArray();
        return candidates.length == 0 ? Long.MIN_VALUE : candidates[rng.index(candidates.length)];
    }

    /** Steps off excluded positions (NOT IN, {@code <>}), up then down; MIN_VALUE when the range has no room. */
    private long avoid(long position, Window w) {
        int limit = s.excluded().length + 2;
        for (int step = 0; step <= limit; step++) {
            if (usable(position + step, w)) {
                return position + step;
            }
            if (usable(position - step, w)) {
                return position - step;
            }
        }
        return Long.MIN_VALUE;
    }

    private boolean usable(long p, Window w) {
        return p >= w.lo && p <= w.hi && p != w.notEqual && Arrays.binarySearch(s.excluded(), p) < 0;
    }

    static long saturatedSub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}

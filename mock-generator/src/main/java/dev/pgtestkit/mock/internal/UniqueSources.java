package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.ArrayType;
import dev.pgtestkit.mock.internal.value.DateType;
import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.Hint;
import dev.pgtestkit.mock.internal.value.OrderedType;
import dev.pgtestkit.mock.internal.value.OtherType;
import dev.pgtestkit.mock.internal.value.TextType;
import dev.pgtestkit.mock.internal.value.TimestampType;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.List;

/** Builds the {@link UniqueSource} of a unique column from its type and rule. */
final class UniqueSources {

    private UniqueSources() {
    }

    /**
     * @param natural the natural position range {lo, hi} of an ordered column (from its name), else null
     * @param needed  how many distinct values the plan asks for; the natural range is used when it is enough
     * @param key     permutation key, so different columns scramble differently
     */
    static UniqueSource of(ValueType type, ColumnRule rule, Hint hint, FakeText fake, long[] natural, long needed,
                           long key) {
        List<Object> allowed = rule.effectiveAllowed();
        if (allowed != null) {
            return listed(allowed, key);
        }
        if (type instanceof OrderedType o) {
            return ordered(o, rule, natural, needed, key);
        }
        if (type instanceof TextType && rule.regex != null) {
            int max = Math.max(Math.min(rule.maxLength, 2000), rule.minLength);
            return listed(List.copyOf(rule.regex.distinctValues(needed, rule.minLength, max, key)), key);
        }
        if (type instanceof TextType && rule.likes.isEmpty() && StandardCodes.of(hint.text()) != null
                && rule.maxLength >= StandardCodes.of(hint.text()).get(0).length()) {
            List<String> codes = StandardCodes.of(hint.text());
            return new Wrapped(codes.size(), (c, rng) -> codes.get((int) c));
        }
        if (type instanceof TextType) {
            FakeKind kind = hint.text() != null ? hint.text() : Defaults.textKind(rule.maxLength);
            return new UniqueText(new TextShape(fake, kind, hint.idPrefix(), rule.minLength, rule.maxLength,
                    rule.likes));
        }
        if (type instanceof OtherType other) {
            return OtherUniques.of(other, key);
        }
        if (type instanceof ArrayType array) {
            UniqueSource element = of(array.element(), new ColumnRule(array.element(), true), hint, fake, null,
                    needed, key);
            return new Wrapped(element.capacity(), (c, rng) -> List.of(element.valueAt(c, rng)));
        }
        return new Wrapped(0, (c, rng) -> null);
    }

    private static UniqueSource listed(List<Object> values, long key) {
        Object[] array = values.toArray();
        if (array.length == 0) {
            return new Wrapped(0, (c, rng) -> null);
        }
        Permutation p = new Permutation(array.length, key);
        return new Wrapped(array.length, (c, rng) -> array[(int) p.apply(c)]);
    }

    /**
     * Positions of a range minus excluded ones. Scrambled when checks bound both ends (codes BETWEEN 1 AND 999),
     * sequential from the low end otherwise (an integer key gets 1, 2, 3..., line numbers {@code > 0} too).
     */
    private static UniqueSource ordered(OrderedType type, ColumnRule rule, long[] natural, long needed, long key) {
        long lo = rule.lo;
        long hi = rule.hi;
        boolean constrained = lo > type.minPosition() || hi < type.maxPosition();
        boolean scrambled = lo > type.minPosition() && hi < type.maxPosition();
        if (natural != null && !constrained) {
            long nlo = Math.max(lo, natural[0]);
            if (OrderedSource.saturatedSub(hi, nlo) >= needed) {
                lo = nlo;
            }
            // unique dates and timestamps spread over their window instead of counting up from its start
            if (type instanceof TimestampType || type instanceof DateType) {
                long nhi = Math.min(hi, natural[1]);
                if (OrderedSource.saturatedSub(nhi, lo) >= needed) {
                    hi = nhi;
                    scrambled = true;
                }
            }
        }
        long[] excluded = rule.excluded.stream().mapToLong(type::floor).filter(p -> p >= rule.lo && p <= rule.hi)
                .sorted().distinct().toArray();
        long span = OrderedSource.saturatedSub(hi, lo);
        long capacity = span == Long.MAX_VALUE ? Long.MAX_VALUE : span + 1 - excluded.length;
        if (capacity <= 0) {
            return new Wrapped(0, (c, rng) -> null);
        }
        Permutation p = scrambled ? new Permutation(capacity, key) : null;
        long start = lo;
        return new Wrapped(capacity, (c, rng) -> type.valueAt(skip(start + (p == null ? c : p.apply(c)), excluded)));
    }

    /** The position after stepping over every excluded position at or below it (keeps the mapping injective). */
    private static long skip(long position, long[] excluded) {
        long p = position;
        for (long e : excluded) {
            if (e <= p) {
                p++;
            }
        }
        return p;
    }

    /** A unique source from a capacity and a function. */
    record Wrapped(long capacity, Fn fn) implements UniqueSource {
        @Override
        public Object valueAt(long coordinate, Rng rng) {
            return fn.apply(coordinate, rng);
        }
    }

    @FunctionalInterface
    interface Fn {
        Object apply(long coordinate, Rng rng);
    }
}

package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.KeyAssigner.Coordinate;
import dev.pgtestkit.mock.internal.KeyAssigner.Coords;

/** How a foreign key picks its parent row for a child row; {@code -1} means NULL. */
interface ParentChoice {

    long parent(Coords c, long parentCount);

    default boolean isSelfReference() {
        return false;
    }

    /** The parent is the coordinate itself (the row's group, or a cartesian component). */
    static ParentChoice of(Coordinate coordinate) {
        return (c, n) -> coordinate.of(c);
    }

    /** Every parent at most once: a keyed permutation of the row index (one-to-one relations). */
    static ParentChoice withoutReplacement(long parents, long key, long base) {
        Permutation p = new Permutation(parents, key);
        return (c, n) -> p.apply(base + c.index);
    }

    /** Within the row's group, distinct parents: a permutation keyed by the group, indexed by the rank. */
    static ParentChoice distinctInGroup(long parents, long key) {
        return (c, n) -> new Permutation(parents, Hash.of(key, c.group)).apply(c.rank);
    }

    /** Independent draws: uniform or Zipf, NULL with the given probability when the column is nullable. */
    static ParentChoice random(long key, double nullFraction, Zipf zipf, Permutation spread) {
        return (c, n) -> {
            long h = Hash.of(key, c.index);
            if (n == 0 || (nullFraction > 0 && Hash.unit(h) < nullFraction)) {
                return -1;
            }
            long h2 = Hash.mix(h);
            return zipf == null ? Hash.below(h2, n) : spread.apply(zipf.rank(Hash.unit(h2)));
        };
    }

    /**
     * A tree over the table's own rows: each row points at an earlier one (so the graph has no cycle and
     * {@code parent_id <> id} holds); NULL roots with {@code rootFraction} when nullable, else row 0 is its own
     * parent.
     */
    static ParentChoice tree(long key, double rootFraction, boolean nullable, long existing) {
        return new ParentChoice() {
            @Override
            public long parent(Coords c, long n) {
                long own = existing + c.index;
                long h = Hash.of(key, c.index);
                if (own == 0 || (nullable && Hash.unit(h) < rootFraction)) {
                    return nullable ? -1 : 0;
                }
                return Hash.below(Hash.mix(h), Math.min(own, n));
            }

            @Override
            public boolean isSelfReference() {
                return true;
            }
        };
    }
}

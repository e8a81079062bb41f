package dev.pgtestkit.mock.internal;

import java.util.Arrays;

/**
 * Rows laid out by parent: parent {@code g} owns the contiguous rows {@code [start(g), start(g+1))}. Used when
 * children are generated per parent ({@code count} per parent) or when a unique key pairs a foreign key with
 * other columns (an order's line numbers 1..k; an order's products without repeats).
 */
final class GroupLayout {

    private final long[] starts;

    private GroupLayout(long[] starts) {
        this.starts = starts;
    }

    /** Each parent gets a count in [min, max], drawn from (seed, parent). */
    static GroupLayout perParent(long parents, int min, int max, long seed) {
        long[] starts = new long[(int) parents + 1];
        for (int g = 0; g < parents; g++) {
            long count = min == max ? min : min + Hash.below(Hash.of(seed, g), max - min + 1L);
            starts[g + 1] = starts[g] + count;
        }
        return new GroupLayout(starts);
    }

    /** {@code rows} spread as evenly as possible over the parents; the larger shares go to shuffled parents. */
    static GroupLayout spread(long rows, long parents, long seed) {
        long[] starts = new long[(int) parents + 1];
        long share = rows / parents;
        long extra = rows % parents;
        Permutation shuffle = new Permutation(parents, seed);
        for (int g = 0; g < parents; g++) {
            starts[g + 1] = starts[g] + share + (shuffle.apply(g) < extra ? 1 : 0);
        }
        return new GroupLayout(starts);
    }

    long rows() {
        return starts[starts.length - 1];
    }

    long maxGroupSize() {
        long max = 0;
        for (int g = 0; g + 1 < starts.length; g++) {
            max = Math.max(max, starts[g + 1] - starts[g]);
        }
        return max;
    }

    /** The parent owning row {@code i}. */
    long groupOf(long i) {
        int pos = Arrays.binarySearch(starts, i);
        if (pos >= 0) {
            while (pos + 1 < starts.length && starts[pos + 1] == i) {
                pos++;
            }
            return pos;
        }
        return -(long) pos - 2;
    }

    long start(long group) {
        return starts[(int) group];
    }
}

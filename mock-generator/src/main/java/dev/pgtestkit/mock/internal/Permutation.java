package dev.pgtestkit.mock.internal;

/**
 * A keyed bijection of {@code [0, size)} onto itself: a balanced Feistel network over the next even power of
 * two, with cycle walking to stay inside the range. Used to draw without replacement (unique keys, junction
 * pairs, one-to-one parents) with O(1) memory and no retries.
 */
public final class Permutation {

    private static final int ROUNDS = 4;

    private final long size;
    private final long key;
    private final int halfBits;
    private final long halfMask;

    public Permutation(long size, long key) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.size = size;
        this.key = key;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        if (bits % 2 != 0) {
            bits++;
        }
        this.halfBits = bits / 2;
        this.halfMask = (1L << halfBits) - 1;
    }

    public long size() {
        return size;
    }

    /** The image of {@code index} ({@code 0 <= index < size}). */
    public long apply(long index) {
        if (size == 1) {
            return 0;
        }
        long x = index;
        do {
            x = encrypt(x);
        } while (x >= size);
        return x;
    }

    private long encrypt(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long f = Hash.of(key, round, right) & halfMask;
            long next = left ^ f;
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}

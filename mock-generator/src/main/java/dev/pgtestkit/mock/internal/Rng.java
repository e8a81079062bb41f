package dev.pgtestkit.mock.internal;

import java.util.random.RandomGenerator;

/**
 * A tiny SplitMix64 generator that is reseeded for every value ({@link #reset}), so a value depends only on
 * the seed it is given, never on what was generated before. Not thread-safe: one per thread.
 */
public final class Rng implements RandomGenerator {

    private long state;

    public Rng() {
    }

    public Rng(long seed) {
        this.state = seed;
    }

    public Rng reset(long seed) {
        this.state = seed;
        return this;
    }

    @Override
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return Hash.mix(state);
    }

    /** Uniform in {@code [lo, hi]} (inclusive); handles the full long range. */
    public long between(long lo, long hi) {
        if (hi <= lo) {
            return lo;
        }
        long span = hi - lo + 1;
        if (span <= 0) {
            long v;
            do {
                v = nextLong();
            } while (v < lo || v > hi);
            return v;
        }
        return lo + Long.remainderUnsigned(nextLong(), span);
    }

    /** Uniform index in {@code [0, bound)}. */
    public int index(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    public boolean chance(double probability) {
        return probability > 0 && nextDouble() < probability;
    }

    public <T> T pick(T[] items) {
        return items[index(items.length)];
    }
}

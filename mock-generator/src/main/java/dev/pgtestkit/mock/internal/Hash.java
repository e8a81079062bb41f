package dev.pgtestkit.mock.internal;

import java.nio.charset.StandardCharsets;

/**
 * Stateless 64-bit mixing (SplitMix64 finalizer). Every generated value is a function of hashes like
 * {@code of(tableSeed, row, column)}, which is what makes output independent of thread count and order.
 */
public final class Hash {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hash() {
    }

    /** Bijective 64-bit finalizer: distinct inputs give distinct outputs. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long of(long a, long b) {
        return mix(a * GOLDEN + mix(b + GOLDEN));
    }

    public static long of(long a, long b, long c) {
        return of(of(a, b), c);
    }

    public static long of(long a, long b, long c, long d) {
        return of(of(of(a, b), c), d);
    }

    /** Stable hash of a name (FNV-1a over UTF-8, then mixed); never {@code String.hashCode} salted by nothing. */
    public static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** A value in {@code [0, bound)} from a hash; {@code bound} must be positive. */
    public static long below(long hash, long bound) {
        return Long.remainderUnsigned(hash, bound);
    }

    /** A double in {@code [0, 1)} from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}

package dev.pgtestkit.mock.internal;

/**
 * Zipf-distributed ranks in {@code [0, n)} by inverting a precomputed cumulative table (n doubles), so a draw
 * is one binary search. Rank 0 is the most frequent; callers map ranks through a {@link Permutation} so that
 * the popular parents are spread over the table.
 */
public final class Zipf {

    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n <= 0 || exponent <= 0) {
            throw new IllegalArgumentException("Zipf needs n > 0 and exponent > 0, got n=" + n + ", s=" + exponent);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
    }

    /** The rank for a uniform {@code u} in {@code [0, 1)}. */
    public int rank(double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}

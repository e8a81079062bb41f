package dev.pgtestkit.bench;

import java.util.Arrays;

/** Small helpers shared by the benchmark harnesses: medians and percentiles of timings. */
public final class Stats {

    private Stats() {
    }

    /** Median of the samples (nanoseconds in, whatever unit out as given). */
    public static double median(long[] samples) {
        return percentile(samples, 50);
    }

    public static double percentile(long[] samples, double p) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    public static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}

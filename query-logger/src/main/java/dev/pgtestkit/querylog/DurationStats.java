package dev.pgtestkit.querylog;

/**
 * Count and duration distribution of a group of executions; percentiles are nearest-rank over the exact durations.
 * All durations in nanoseconds; zero when {@code count} is zero.
 */
public record DurationStats(long count, long totalNanos, long meanNanos, long p50Nanos, long p95Nanos,
        long p99Nanos, long maxNanos) {

    public static final DurationStats EMPTY = new DurationStats(0, 0, 0, 0, 0, 0, 0);

    public double totalMillis() {
        return totalNanos / 1e6;
    }

    public double meanMillis() {
        return meanNanos / 1e6;
    }

    public double p95Millis() {
        return p95Nanos / 1e6;
    }
}

package dev.pgtestkit.querylog.internal;

/** Rows affected by a batch, from its update counts: their sum, or -1 when the driver did not report them all. */
final class BatchCounts {

    /** Sums a driver's update-count array. */
    @FunctionalInterface
    interface Summer<T> {
        long sum(T counts);
    }

    private BatchCounts() {
    }

    static long sum(int[] counts) {
        long total = 0;
        for (int count : counts) {
            if (count < 0) {
                return -1; // SUCCESS_NO_INFO, e.g. PgJDBC with reWriteBatchedInserts
            }
            total += count;
        }
        return total;
    }

    static long sum(long[] counts) {
        long total = 0;
        for (long count : counts) {
            if (count < 0) {
                return -1;
            }
            total += count;
        }
        return total;
    }
}

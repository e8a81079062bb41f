package dev.pgtestkit.bench.querylog;

import dev.pgtestkit.bench.Stats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Block timings per variant, round and block, wall clock and the benchmark thread's CPU time: totals per round,
 * and ratios of blocks run side by side.
 */
final class Timings {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[][][] nanos;
    private final long[][][] cpuNanos;

    Timings(int variants, int rounds, int blocks) {
        this.nanos = new long[variants][rounds][blocks];
        this.cpuNanos = new long[variants][rounds][blocks];
    }

    /** CPU time of the calling thread so far. */
    static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void add(int variant, int round, int block, long[] wallAndCpu) {
        nanos[variant][round][block] = wallAndCpu[0];
        cpuNanos[variant][round][block] = wallAndCpu[1];
    }

    /** Each round's total wall-clock time of one variant. */
    long[] roundTotals(int variant) {
        return totals(nanos[variant]);
    }

    /** Each round's total CPU time of the benchmark thread for one variant. */
    long[] cpuRoundTotals(int variant) {
        return totals(cpuNanos[variant]);
    }

    private static long[] totals(long[][] rounds) {
        long[] totals = new long[rounds.length];
        for (int round = 0; round < totals.length; round++) {
            for (long block : rounds[round]) {
                totals[round] += block;
            }
        }
        return totals;
    }

    /**
     * Median over all blocks of variant / baseline, each block compared with the baseline's block run right next
     * to it: robust to load that drifts over seconds.
     */
    double medianPairedRatio(int variant, int baseline) {
        return medianRatio(nanos[variant], nanos[baseline]);
    }

    /** The same for the benchmark thread's CPU time. */
    double medianPairedCpuRatio(int variant, int baseline) {
        return medianRatio(cpuNanos[variant], cpuNanos[baseline]);
    }

    private static double medianRatio(long[][] variant, long[][] baseline) {
        int rounds = variant.length;
        int blocks = variant[0].length;
        long[] ratios = new long[rounds * blocks];
        for (int r = 0; r < rounds; r++) {
            for (int b = 0; b < blocks; b++) {
                ratios[r * blocks + b] = Math.round(1_000_000.0 * variant[r][b] / Math.max(1, baseline[r][b]));
            }
        }
        return Stats.median(ratios) / 1_000_000.0;
    }
}

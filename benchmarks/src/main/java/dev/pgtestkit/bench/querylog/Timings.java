package dev.pgtestkit.bench.querylog;

import dev.pgtestkit.bench.Stats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Block measurements per variant, round and block: wall clock, the CPU time of every Java thread of the JVM (the
 * benchmark thread and any a library starts: pgtestkit's parser, scanner and plan threads, a peer's own), and the
 * process's CPU time (also GC and JIT). Totals per round, mean/median/p95 per block, and ratios of blocks run side
 * by side.
 */
final class Timings {

    /** What a block measured. */
    enum Metric {
        WALL, THREADS_CPU, PROCESS_CPU
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long[][][][] nanos;

    Timings(int variants, int rounds, int blocks) {
        this.nanos = new long[Metric.values().length][variants][rounds][blocks];
    }

    /** Now, for each metric: {wall, CPU of all live threads so far, process CPU so far}. */
    static long[] now() {
        return new long[] {System.nanoTime(), allThreadsCpu(), OS.getProcessCpuTime()};
    }

    /** What happened since {@code start} (from {@link #now()}). */
    static long[] since(long[] start) {
        long[] end = now();
        return new long[] {end[0] - start[0], end[1] - start[1], end[2] - start[2]};
    }

    private static long allThreadsCpu() {
        long total = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            total += Math.max(0, cpu); // -1: the thread ended meanwhile
        }
        return total;
    }

    void add(int variant, int round, int block, long[] measured) {
        for (Metric m : Metric.values()) {
            nanos[m.ordinal()][variant][round][block] = measured[m.ordinal()];
        }
    }

    /** Each round's total of one variant. */
    long[] roundTotals(Metric metric, int variant) {
        long[][] rounds = nanos[metric.ordinal()][variant];
        long[] totals = new long[rounds.length];
        for (int round = 0; round < totals.length; round++) {
            for (long block : rounds[round]) {
                totals[round] += block;
            }
        }
        return totals;
    }

    /** Every block of one variant, all rounds. */
    long[] blocks(Metric metric, int variant) {
        long[][] rounds = nanos[metric.ordinal()][variant];
        return java.util.Arrays.stream(rounds).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    static double mean(long[] samples) {
        return java.util.Arrays.stream(samples).average().orElse(Double.NaN);
    }

    /**
     * Median over all blocks of variant / baseline, each block compared with the baseline's block run right next
     * to it: robust to load that drifts over seconds.
     */
    double medianPairedRatio(Metric metric, int variant, int baseline) {
        long[][] v = nanos[metric.ordinal()][variant];
        long[][] b = nanos[metric.ordinal()][baseline];
        long[] ratios = new long[v.length * v[0].length];
        for (int r = 0; r < v.length; r++) {
            for (int k = 0; k < v[0].length; k++) {
                ratios[r * v[0].length + k] = Math.round(1_000_000.0 * v[r][k] / Math.max(1, b[r][k]));
            }
        }
        return Stats.median(ratios) / 1_000_000.0;
    }
}

package dev.pgtestkit.querylog.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread, shared by every logger in the JVM, that looks for statements still running past their logger's
 * slow threshold: each logger with a threshold registers a periodic scan of its open connections (half the
 * threshold, between 5 ms and 1 s), instead of a timer per statement.
 */
final class InFlightScanner {

    private static final ScheduledExecutorService SCHEDULER =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pgtestkit-querylog-scanner"));

    private InFlightScanner() {
    }

    static ScheduledFuture<?> register(Recorder recorder, Duration threshold) {
        long period = Math.min(1_000_000_000L, Math.max(5_000_000L, threshold.toNanos() / 2));
        return SCHEDULER.scheduleAtFixedRate(() -> {
            try {
                recorder.scanRunning();
            } catch (RuntimeException e) {
                Recorder.LOG.warn("In-flight scan failed; it will run again", e);
            }
        }, period, period, TimeUnit.NANOSECONDS);
    }
}

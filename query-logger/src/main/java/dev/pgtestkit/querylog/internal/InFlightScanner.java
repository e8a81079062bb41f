package dev.pgtestkit.querylog.internal;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CancellationException;
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

    /**
     * Scans for {@code recorder} until the returned future is cancelled. Holds it weakly: a logger nobody references
     * any more (never closed) stops being scanned instead of being kept alive by its scan.
     */
    static ScheduledFuture<?> register(Recorder recorder, Duration threshold) {
        long period = Math.min(1_000_000_000L, Math.max(5_000_000L, threshold.toNanos() / 2));
        WeakReference<Recorder> weak = new WeakReference<>(recorder);
        return SCHEDULER.scheduleAtFixedRate(() -> scan(weak), period, period, TimeUnit.NANOSECONDS);
    }

    private static void scan(WeakReference<Recorder> weak) {
        Recorder recorder = weak.get();
        if (recorder == null) {
            throw new CancellationException("logger collected"); // ends this periodic task
        }
        try {
            recorder.scanRunning();
        } catch (RuntimeException e) {
            Recorder.LOG.warn("In-flight scan failed; it will run again", e);
        }
    }
}

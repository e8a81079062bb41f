package dev.pgtestkit.querylog.internal;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread, shared by every logger in the JVM, that looks for statements still running past their logger's
 * slow threshold: loggers with the same scan period (half the threshold, between 5 ms and 1 s) share one periodic
 * task, which runs while any of them is open. Registering and closing a logger (one per test) is then a set
 * operation, not a task scheduled and cancelled, whose expiry woke the thread once per logger.
 */
final class InFlightScanner {

    private static final ScheduledExecutorService SCHEDULER =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pgtestkit-querylog-scanner"));
    /** Guarded by itself. */
    private static final Map<Long, Period> PERIODS = new HashMap<>();

    private InFlightScanner() {
    }

    /**
     * Scans for {@code recorder} until the registration is cancelled. Holds it weakly: a logger nobody references any
     * more (never closed) stops being scanned instead of being kept alive by its scan.
     */
    static Registration register(Recorder recorder, Duration threshold) {
        long nanos = Math.min(1_000_000_000L, Math.max(5_000_000L, threshold.toNanos() / 2));
        Registration registration = new Registration(new WeakReference<>(recorder));
        synchronized (PERIODS) {
            Period period = PERIODS.computeIfAbsent(nanos, Period::new);
            registration.period = period;
            period.members.add(registration);
            period.start();
        }
        return registration;
    }

    /** A logger's place in its period's scan. */
    static final class Registration {
        private final WeakReference<Recorder> recorder;
        private Period period;

        private Registration(WeakReference<Recorder> recorder) {
            this.recorder = recorder;
        }

        void cancel() {
            period.members.remove(this);
        }
    }

    /** The loggers scanned every {@code nanos}, and their task, which ends itself once none is left. */
    private static final class Period {
        private final long nanos;
        private final Set<Registration> members = ConcurrentHashMap.newKeySet();
        private ScheduledFuture<?> task;

        Period(long nanos) {
            this.nanos = nanos;
        }

        /** Under the PERIODS lock. */
        void start() {
            if (task == null) {
                task = SCHEDULER.scheduleAtFixedRate(this::scan, nanos, nanos, TimeUnit.NANOSECONDS);
            }
        }

        private void scan() {
            members.removeIf(registration -> registration.recorder.get() == null); // collected without close()
            for (Registration registration : members) {
                Recorder recorder = registration.recorder.get();
                try {
                    if (recorder != null) {
                        recorder.scanRunning();
                    }
                } catch (RuntimeException e) {
                    Recorder.LOG.warn("In-flight scan failed; it will run again", e);
                }
            }
            synchronized (PERIODS) {
                if (members.isEmpty()) {
                    task.cancel(false);
                    task = null;
                    PERIODS.remove(nanos);
                }
            }
        }
    }
}

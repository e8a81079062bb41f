package dev.pgtestkit.sync.cli.internal.progress;

import dev.pgtestkit.sync.cli.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for logs: one line per task at most every {@code interval} while it runs, and one when
 * it finishes ({@code public.users: 40,000/100,000 rows (40%), 3.1 MB, 20,000 rows/s, ETA 0:03}). No cursor
 * movement, no carriage returns.
 */
public final class PlainProgress implements Progress {

    /** Default time between two lines of one task. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final List<PlainTask> tasks = new ArrayList<>();

    public PlainProgress(PrintWriter out) {
        this(out, System::nanoTime, INTERVAL);
    }

    /** With a clock of its own, for tests. */
    public PlainProgress(PrintWriter out, LongSupplier nanoTime, Duration interval) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized Task start(String name, long total, String unit) {
        PlainTask task = new PlainTask(name, total, unit, nanoTime.getAsLong());
        tasks.add(task);
        return task;
    }

    @Override
    public synchronized void close() {
        List.copyOf(tasks).forEach(PlainTask::finish);
        out.flush();
    }

    private final class PlainTask implements Task {
        private final String name;
        private final long total;
        private final String unit;
        private final long started;
        private long lastLine;
        private long done;
        private long bytes = -1;
        private boolean finished;

        PlainTask(String name, long total, String unit, long started) {
            this.name = name;
            this.total = total;
            this.unit = unit;
            this.started = started;
            this.lastLine = started;
        }

        @Override
        public void update(long done, long bytes) {
            synchronized (PlainProgress.this) {
                if (finished) {
                    return;
                }
                this.done = done;
                this.bytes = bytes;
                long now = nanoTime.getAsLong();
                if (now - lastLine >= intervalNanos) {
                    lastLine = now;
                    out.println(running(now));
                    out.flush();
                }
            }
        }

        @Override
        public void finish() {
            synchronized (PlainProgress.this) {
                if (finished) {
                    return;
                }
                finished = true;
                tasks.remove(this);
                out.println(finished(nanoTime.getAsLong()));
                out.flush();
            }
        }

        private String running(long now) {
            StringBuilder line = new StringBuilder(name).append(": ").append(Units.count(done));
            if (total >= 0) {
                line.append('/').append(Units.count(total));
            }
            line.append(' ').append(unit);
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " (%d%%)", done * 100 / total));
            }
            appendBytes(line);
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            line.append(String.format(Locale.ROOT, ", %,.0f %s/s", rate, unit));
            if (total > done && rate > 0) {
                line.append(", ETA ").append(Units.duration(Duration.ofSeconds((long) ((total - done) / rate))));
            }
            return line.toString();
        }

        private String finished(long now) {
            Duration elapsed = Duration.ofNanos(now - started);
            StringBuilder line = new StringBuilder(name).append(": ").append(Units.count(done)).append(' ')
                    .append(unit);
            appendBytes(line);
            double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
            line.append(" in ").append(Units.seconds(elapsed))
                    .append(String.format(Locale.ROOT, " (%,.0f %s/s)", done / seconds, unit));
            return line.toString();
        }

        private void appendBytes(StringBuilder line) {
            if (bytes >= 0) {
                line.append(", ").append(Units.bytes(bytes));
            }
        }
    }
}

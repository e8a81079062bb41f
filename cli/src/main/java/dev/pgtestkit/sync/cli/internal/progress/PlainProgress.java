package dev.pgtestkit.sync.cli.internal.progress;

import dev.pgtestkit.sync.cli.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for logs: one line per task at most every {@code interval} while it runs
 * ({@code public.users: 40,000/100,000 rows (40%), 3.1 MB, 20,000 rows/s, ETA 0:03}), and one when it finishes
 * ({@code public.users: 100,000 rows, 7.8 MB in 5.00 s (20,000 rows/s)}). No cursor movement, no carriage returns.
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
    public synchronized Task start(String name, long totalRows, long totalBytes) {
        PlainTask task = new PlainTask(name, totalRows, totalBytes, nanoTime.getAsLong());
        tasks.add(task);
        return task;
    }

    @Override
    public synchronized void close() {
        List.copyOf(tasks).forEach(PlainTask::finish);
        out.flush();
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }

    private final class PlainTask implements Task {
        private final String name;
        private final long totalRows;
        private final long totalBytes;
        private final boolean byBytes;
        private final long started;
        private long lastLine;
        private long rows;
        private long bytes = -1;
        private boolean finished;

        PlainTask(String name, long totalRows, long totalBytes, long started) {
            this.name = name;
            this.totalRows = totalRows;
            this.totalBytes = totalBytes;
            this.byBytes = totalRows < 0 && totalBytes >= 0;
            this.started = started;
            this.lastLine = started;
        }

        @Override
        public void update(long rows, long bytes) {
            synchronized (PlainProgress.this) {
                if (finished) {
                    return;
                }
                this.rows = rows;
                this.bytes = bytes;
                long now = nanoTime.getAsLong();
                if (now - lastLine >= intervalNanos) {
                    lastLine = now;
                    print(running(now));
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
                print(finished(nanoTime.getAsLong()));
            }
        }

        private String running(long now) {
            long done = byBytes ? bytes : rows;
            long total = byBytes ? totalBytes : totalRows;
            StringBuilder line = new StringBuilder(name).append(": ").append(amount(done));
            if (total >= 0) {
                line.append('/').append(amount(total));
            }
            if (!byBytes) {
                line.append(" rows");
            }
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
            }
            if (byBytes) {
                line.append(", ").append(Units.count(rows)).append(" rows");
            } else if (bytes >= 0) {
                line.append(", ").append(Units.bytes(bytes));
            }
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            line.append(", ").append(rate(rate));
            if (total > done && rate > 0) {
                line.append(", ETA ").append(Units.duration(Duration.ofSeconds((long) ((total - done) / rate))));
            }
            return line.toString();
        }

        private String finished(long now) {
            Duration elapsed = Duration.ofNanos(now - started);
            StringBuilder line = new StringBuilder(name).append(": ").append(Units.count(rows)).append(" rows");
            if (bytes >= 0) {
                line.append(", ").append(Units.bytes(bytes));
            }
            double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
            double rate = (byBytes ? bytes : rows) / seconds;
            return line.append(" in ").append(Units.seconds(elapsed)).append(" (").append(rate(rate)).append(')')
                    .toString();
        }

        private String amount(long value) {
            return byBytes ? Units.bytes(value) : Units.count(value);
        }

        private String rate(double perSecond) {
            return byBytes ? Units.bytes((long) perSecond) + "/s"
                    : String.format(Locale.ROOT, "%,.0f rows/s", perSecond);
        }
    }
}

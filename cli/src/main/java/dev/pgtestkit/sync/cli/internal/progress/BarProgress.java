package dev.pgtestkit.sync.cli.internal.progress;

import dev.pgtestkit.sync.cli.Progress;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress as {@code me.tongfei:progressbar} bars, one per task, stacked on the terminal: percentage, count, rate and
 * ETA from the library (in rows, or in MB when only the bytes are known), the other measure in the bar's extra
 * message.
 */
public final class BarProgress implements Progress {

    private static final long MB = 1024 * 1024;

    private final Supplier<ProgressBarConsumer> consumers;
    private final List<BarTask> tasks = new ArrayList<>();
    private int nameWidth = 20;

    /** Bars on the process's terminal (the library's console consumer, on standard error). */
    public BarProgress() {
        this(null);
    }

    /** Bars drawn by consumers of the caller's, for tests; {@code null} means the terminal. */
    public BarProgress(Supplier<ProgressBarConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public synchronized Task start(String name, long totalRows, long totalBytes) {
        nameWidth = Math.max(nameWidth, name.length());
        boolean byBytes = totalRows < 0 && totalBytes >= 0;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(pad(name))
                .setInitialMax(byBytes ? totalBytes : totalRows)
                .setUnit(byBytes ? " MB" : " rows", byBytes ? MB : 1)
                .showSpeed(new DecimalFormat(byBytes ? "#,##0.0" : "#,##0"))
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .continuousUpdate();
        if (consumers != null) {
            builder.setConsumer(consumers.get());
        }
        BarTask task = new BarTask(builder.build(), byBytes);
        tasks.add(task);
        return task;
    }

    private String pad(String name) {
        return name.length() >= nameWidth ? name : name + " ".repeat(nameWidth - name.length());
    }

    @Override
    public synchronized void close() {
        List.copyOf(tasks).forEach(BarTask::finish);
    }

    private final class BarTask implements Task {
        private final ProgressBar bar;
        private final boolean byBytes;
        private boolean finished;

        BarTask(ProgressBar bar, boolean byBytes) {
            this.bar = bar;
            this.byBytes = byBytes;
        }

        @Override
        public void update(long rows, long bytes) {
            synchronized (BarProgress.this) {
                if (finished) {
                    return;
                }
                if (byBytes) {
                    bar.stepTo(Math.max(bytes, 0));
                    bar.setExtraMessage(" " + Units.count(rows) + " rows");
                } else {
                    bar.stepTo(rows);
                    if (bytes >= 0) {
                        bar.setExtraMessage(" " + Units.bytes(bytes));
                    }
                }
            }
        }

        @Override
        public void finish() {
            synchronized (BarProgress.this) {
                if (finished) {
                    return;
                }
                finished = true;
                tasks.remove(this);
                if (!bar.isIndefinite() && bar.getCurrent() != bar.getMax()) {
                    bar.maxHint(bar.getCurrent());
                }
                bar.close();
            }
        }
    }
}

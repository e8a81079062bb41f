package dev.pgtestkit.sync.cli.internal.progress;

import dev.pgtestkit.sync.cli.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress as {@code me.tongfei:progressbar} bars, one per task, stacked on the terminal: percentage, count, rate
 * and ETA from the library, bytes in the bar's extra message.
 */
public final class BarProgress implements Progress {

    private final Supplier<ProgressBarConsumer> consumers;
    private final List<BarTask> tasks = new ArrayList<>();
    private int nameWidth = 12;

    /** Bars on the process's terminal (the library's console consumer, on standard error). */
    public BarProgress() {
        this(null);
    }

    /** Bars drawn by consumers of the caller's, for tests; {@code null} means the terminal. */
    public BarProgress(Supplier<ProgressBarConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public synchronized Task start(String name, long total, String unit) {
        nameWidth = Math.max(nameWidth, name.length());
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(pad(name))
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .continuousUpdate();
        if (consumers != null) {
            builder.setConsumer(consumers.get());
        }
        BarTask task = new BarTask(builder.build());
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
        private boolean finished;

        BarTask(ProgressBar bar) {
            this.bar = bar;
        }

        @Override
        public void update(long done, long bytes) {
            synchronized (BarProgress.this) {
                if (finished) {
                    return;
                }
                bar.stepTo(done);
                if (bytes >= 0) {
                    bar.setExtraMessage(" " + Units.bytes(bytes));
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
                if (!bar.isIndefinite() && bar.getCurrent() > bar.getMax()) {
                    bar.maxHint(bar.getCurrent());
                }
                bar.close();
            }
        }
    }
}

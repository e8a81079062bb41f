package dev.pgtestkit.sync.cli;

import dev.pgtestkit.sync.cli.internal.progress.BarProgress;
import dev.pgtestkit.sync.cli.internal.progress.PlainProgress;
import java.io.PrintWriter;

/**
 * Progress of long work, one task per table: bars ({@code me.tongfei:progressbar}) on a terminal, plain periodic
 * lines when the output is not a terminal (CI logs), nothing with {@code --quiet}; never two of them at once.
 * Thread-safe: tasks may be updated from worker threads.
 */
public interface Progress extends AutoCloseable {

    /** How progress is shown; {@link #AUTO} picks bars on a terminal, plain lines elsewhere. */
    enum Mode { AUTO, BARS, PLAIN, NONE }

    /**
     * Starts a task. Its bar measures rows when {@code totalRows} is known, else bytes when {@code totalBytes} is,
     * else it counts rows without an end.
     *
     * @param name       what is being worked on, e.g. {@code public.users}
     * @param totalRows  rows the task will reach, or a negative number when unknown
     * @param totalBytes bytes the task will reach (an estimate is fine), or a negative number when unknown
     */
    Task start(String name, long totalRows, long totalBytes);

    /** Finishes the tasks still running and releases the display. */
    @Override
    void close();

    /** One table's (or file's) progress. */
    interface Task {

        /**
         * Reports the work done so far.
         *
         * @param rows  rows done so far
         * @param bytes bytes done so far, or a negative number when not known
         */
        void update(long rows, long bytes);

        /** Marks the task complete (idempotent). */
        void finish();
    }

    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public Task start(String name, long totalRows, long totalBytes) {
            return new Task() {
                @Override
                public void update(long rows, long bytes) {
                }

                @Override
                public void finish() {
                }
            };
        }

        @Override
        public void close() {
        }
    };

    /**
     * A display for {@code mode} writing to {@code stream} (bars always go to the terminal's standard error).
     * {@link Mode#AUTO} chooses bars when the process has a terminal ({@link System#console()}) and
     * {@code TERM} is not {@code dumb}, else plain lines.
     */
    static Progress create(Mode mode, PrintWriter stream) {
        Mode chosen = mode == Mode.AUTO ? (isTerminal() ? Mode.BARS : Mode.PLAIN) : mode;
        return switch (chosen) {
            case BARS -> new BarProgress();
            case PLAIN -> new PlainProgress(stream);
            default -> NONE;
        };
    }

    /** True when standard input and output are a terminal that can draw bars. */
    @SuppressWarnings("SystemConsoleNull") // null on Java 17-21; isTerminal() decides from 22 on
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        // From Java 22 on, System.console() is not null without a terminal either; isTerminal() tells.
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

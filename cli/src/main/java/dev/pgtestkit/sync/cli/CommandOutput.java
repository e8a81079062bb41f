package dev.pgtestkit.sync.cli;

import dev.pgtestkit.sync.cli.internal.Json;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Where a command writes, honouring the root options: results on standard output (as JSON with {@code --json},
 * else as text), messages and progress on standard error (none with {@code --quiet}).
 */
public final class CommandOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean quiet;
    private final boolean verbose;
    private final Progress.Mode progressMode;

    CommandOutput(PrintWriter out, PrintWriter err, boolean json, boolean quiet, boolean verbose,
                  Progress.Mode progressMode) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.quiet = quiet;
        this.verbose = verbose;
        this.progressMode = quiet ? Progress.Mode.NONE : progressMode;
    }

    /** Standard output. */
    public PrintWriter out() {
        return out;
    }

    /** Standard error. */
    public PrintWriter err() {
        return err;
    }

    /** {@code --json}: the result is one JSON document on standard output. */
    public boolean json() {
        return json;
    }

    /** {@code --quiet}: no progress, no informational messages. */
    public boolean quiet() {
        return quiet;
    }

    /** {@code --verbose}: stack traces with errors, more detail in messages. */
    public boolean verbose() {
        return verbose;
    }

    /** An informational line on standard error, unless {@code --quiet}. */
    public void info(String message) {
        if (!quiet) {
            err.println(message);
            err.flush();
        }
    }

    /** A new progress display (close it when the work ends). */
    public Progress progress() {
        return Progress.create(progressMode, err);
    }

    /**
     * Prints a command's result: {@code json} with {@code --json} (with {@code "ok": true} first), else
     * {@code text} (nothing when it is empty).
     */
    public void result(Map<String, ?> json, String text) {
        if (this.json) {
            Map<String, Object> document = new java.util.LinkedHashMap<>();
            document.put("ok", true);
            document.putAll(json);
            out.println(Json.write(document));
        } else if (!text.isEmpty()) {
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
        out.flush();
    }
}

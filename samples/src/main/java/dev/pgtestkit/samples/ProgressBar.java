package dev.pgtestkit.samples;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.mock.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar per table for the mock generator, redrawn in place ({@code \r}) every 10%. */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private QualifiedName table;
    private long lastTenth = -1;
    private boolean drawn;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void onProgress(QualifiedName table, long done, long total) {
        long tenth = total == 0 ? 10 : done * 10 / total;
        if (table.equals(this.table) && tenth == lastTenth) {
            return;
        }
        this.table = table;
        lastTenth = tenth;
        int filled = (int) (total == 0 ? WIDTH : done * WIDTH / total);
        out.printf(Locale.ROOT, "\r   %-12s [%s%s] %,d/%,d   ", table.name(), "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, total);
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line. */
    synchronized void finish() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
            out.flush();
            drawn = false;
        }
    }
}

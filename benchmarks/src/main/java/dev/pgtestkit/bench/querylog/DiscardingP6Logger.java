package dev.pgtestkit.bench.querylog;

import com.p6spy.engine.logging.Category;
import com.p6spy.engine.spy.appender.FormattedLogger;

/**
 * A p6spy appender that formats every message like the file or SLF4J appenders do, then drops it: p6spy does all
 * its work (values substituted into the SQL, the message formatted) without the cost of I/O.
 */
public final class DiscardingP6Logger extends FormattedLogger {

    private static volatile String last;
    /** Off: p6spy builds no line (it asks the appender first), the least it can do while seeing every statement. */
    private static volatile boolean enabled = true;

    static void enable(boolean on) {
        enabled = on;
    }

    @Override
    public void logText(String text) {
        last = text;
    }

    @Override
    public void logException(Exception e) {
        last = String.valueOf(e);
    }

    @Override
    public boolean isCategoryEnabled(Category category) {
        return enabled;
    }

    /** The last message, so the JIT cannot drop the formatting. */
    static String last() {
        return last;
    }
}

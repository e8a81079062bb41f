package dev.pgtestkit.querylog;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs through SLF4J (logger {@code dev.pgtestkit.querylog.statements}): every statement at DEBUG (with its
 * parameters, secrets redacted, and call site); slow ones at WARN with their plan summary; failures at WARN with
 * their SQLState; statements still running past the threshold at WARN; N+1 findings at WARN when a scope closes.
 */
public final class Slf4jQueryListener implements QueryListener {

    /** The logger name used by {@link #create()}. */
    public static final String LOGGER_NAME = "dev.pgtestkit.querylog.statements";

    private final Logger log;

    private Slf4jQueryListener(Logger log) {
        this.log = log;
    }

    public static Slf4jQueryListener create() {
        return new Slf4jQueryListener(LoggerFactory.getLogger(LOGGER_NAME));
    }

    /** A listener logging to {@code logger} instead. */
    public static Slf4jQueryListener to(Logger logger) {
        return new Slf4jQueryListener(java.util.Objects.requireNonNull(logger, "logger"));
    }

    @Override
    public void onEvent(QueryEvent event) {
        if (!event.succeeded()) {
            log.warn("Failed [{}] after {} ms: {} | {}{}", event.sqlState().orElse("no SQLState"),
                    millis(event.durationNanos()), event.sql(), event.errorMessage().orElse(""), where(event));
        } else if (event.slow()) {
            log.warn("Slow statement {} ms (rows={}): {}{} | plan: {}", millis(event.durationNanos()), event.rows(),
                    event.sql(), where(event), event.plan().map(QueryPlan::toString).orElse("pending"));
        } else if (log.isDebugEnabled()) {
            log.debug("{} ms rows={}{}: {}{}{}", millis(event.durationNanos()), event.rows(),
                    event.isBatch() ? " batch=" + event.batchSize() : "", event.sql(), parameters(event),
                    where(event));
        }
    }

    @Override
    public void onStillRunning(RunningStatement statement) {
        log.warn("Still running after {} ms on {}: {}", millis(statement.elapsed().toNanos()),
                statement.threadName(), statement.sql());
    }

    @Override
    public void onScopeClosed(String scopeName, QueryLog queryLog) {
        for (NPlusOneFinding finding : queryLog.nPlusOneFindings()) {
            log.warn("In '{}': {}", scopeName, finding.describe());
        }
    }

    private static String parameters(QueryEvent event) {
        return event.parameters().isEmpty() ? "" : " " + event.parameters();
    }

    private static String where(QueryEvent event) {
        return event.callSite().map(site -> " at " + site).orElse("");
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    @Override
    public String toString() {
        return "Slf4jQueryListener[" + log.getName() + "]";
    }
}

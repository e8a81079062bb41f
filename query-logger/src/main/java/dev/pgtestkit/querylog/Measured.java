package dev.pgtestkit.querylog;

import dev.pgtestkit.querylog.internal.HtmlRenderer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link QueryLogger#measure(String, QueryLogger.QueryWork)} saw while running one piece of work.
 *
 * @param name    the name given to the work
 * @param value   the work's result (may be null)
 * @param log     the statements it executed on its thread
 * @param elapsed its wall-clock time
 */
public record Measured<T>(String name, T value, QueryLog log, Duration elapsed) {

    /** {@code getUser: 3 statements (2 SELECT, 1 UPDATE), 1.234 ms in the database, 5.678 ms in all} plus findings. */
    public String describe() {
        DurationStats db = log.stats().overall();
        Map<StatementType, Long> types = log.stats().byType();
        String byType = types.isEmpty() ? "" : " (" + HtmlRenderer.countsInWords(types) + ")";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s: %s%s, %.3f ms in the database, %.3f ms in all", name, HtmlRenderer.words(db.count(), "statement"),
                byType, db.totalMillis(), elapsed.toNanos() / 1e6));
        for (QueryEvent slow : log.slowQueries()) {
            text.append(String.format(Locale.ROOT, "%n  slow (%.1f ms): %s", slow.durationNanos() / 1e6,
                    slow.normalizedSql()));
        }
        for (NPlusOneFinding finding : log.nPlusOneFindings()) {
            text.append("\n  ").append(finding.describe());
        }
        return text.toString();
    }
}

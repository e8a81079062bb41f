package dev.pgtestkit.querylog;

import java.time.Duration;
import java.time.Instant;

/**
 * A statement still running past the slow threshold, as seen by the logger's in-flight scanner.
 *
 * @param sql           the SQL, secret constants redacted
 * @param normalizedSql its normalized form
 * @param startedAt     when it started
 * @param elapsed       how long it had been running when seen
 * @param threadName    the thread waiting for it
 */
public record RunningStatement(String sql, String normalizedSql, Instant startedAt, Duration elapsed,
        String threadName) {
}

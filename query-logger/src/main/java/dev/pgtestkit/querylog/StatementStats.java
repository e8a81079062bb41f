package dev.pgtestkit.querylog;

import java.util.List;

/**
 * Statistics of one normalized statement.
 *
 * @param normalizedSql the statement
 * @param type          its type
 * @param tables        the tables it names
 * @param durations     count, total, mean, p50/p95/p99 and max
 * @param rows          rows read or affected, summed (unknown counts left out)
 * @param failures      executions that failed
 * @param slow          executions at or above the slow threshold
 */
public record StatementStats(String normalizedSql, StatementType type, List<String> tables, DurationStats durations,
        long rows, long failures, long slow) {

    public StatementStats {
        tables = List.copyOf(tables);
    }

    public long count() {
        return durations.count();
    }
}

package dev.pgtestkit.querylog;

import java.util.Map;

/**
 * Executions that named one table.
 *
 * @param table      the table (lower case unless quoted, qualified as written)
 * @param count      executions naming it
 * @param byType     those executions per statement type
 * @param totalNanos their total duration
 */
public record TableStats(String table, long count, Map<StatementType, Long> byType, long totalNanos) {

    public TableStats {
        byType = Map.copyOf(byType);
    }
}

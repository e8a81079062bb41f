package dev.pgtestkit.querylog;

import dev.pgtestkit.querylog.internal.SummaryTable;
import java.util.List;
import java.util.Map;

/**
 * Statistics of a {@link QueryLog}: overall, per normalized statement (by total time, largest first), per table
 * and per statement type. The seed's {@code get_stats()}; {@link #toTable()} is its {@code print_summary()}.
 *
 * @param overall    every execution together
 * @param failures   executions that failed
 * @param slow       executions at or above the slow threshold
 * @param byType     executions per statement type (types with none left out)
 * @param statements per normalized statement, largest total time first
 * @param tables     per table, most executions first
 */
public record QueryStats(DurationStats overall, long failures, long slow, Map<StatementType, Long> byType,
        List<StatementStats> statements, List<TableStats> tables) {

    public QueryStats {
        byType = Map.copyOf(byType);
        statements = List.copyOf(statements);
        tables = List.copyOf(tables);
    }

    /** A readable fixed-width table: totals, per type, then the statements by total time. */
    public String toTable() {
        return SummaryTable.render(this);
    }

    @Override
    public String toString() {
        return toTable();
    }
}

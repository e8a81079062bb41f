package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.core.schema.QualifiedName;
import java.util.List;

/**
 * How one table is dumped.
 *
 * @param table         the table
 * @param columns       the columns in the data file (not generated ones)
 * @param orderBy       the key columns the rows are sorted by; empty means by the whole row's text
 * @param userWhere     the row filter the user gave, or {@code null}
 * @param select        the {@code SELECT} whose rows, in order, are the data file
 * @param leftOutCount  a query counting the rows the subset left out for foreign keys, or {@code null}
 * @param expectedBytes the table's size on disk, for progress
 */
public record TablePlan(QualifiedName table, List<String> columns, List<String> orderBy, String userWhere,
                        String select, String leftOutCount, long expectedBytes) {

    public TablePlan {
        columns = List.copyOf(columns);
        orderBy = List.copyOf(orderBy);
    }
}

package dev.pgtestkit.mock;

import dev.pgtestkit.core.schema.QualifiedName;
import java.time.Duration;
import java.util.List;

/**
 * What was generated for one table.
 *
 * @param table      the table
 * @param rows       rows generated (and written, when there was a database)
 * @param keyColumns columns of the key {@link GenerationResult#keys} returns (primary key, else a unique key;
 *                   empty when the table has neither)
 * @param elapsed    time from its first to its last row reaching the sink (overlaps generation of others)
 * @param serverChecks the table's checks the generator cannot evaluate itself (function calls, arithmetic, text
 *                   comparisons...), which the server evaluated on every batch; empty when every check was parsed
 *                   and its values constructed
 * @param regeneratedRows rows the server's evaluation of {@code serverChecks} rejected, generated again with the
 *                   next attempt (always 0 when {@code serverChecks} is empty)
 */
public record TableResult(QualifiedName table, long rows, List<String> keyColumns, Duration elapsed,
                          List<String> serverChecks, long regeneratedRows) {

    public TableResult {
        keyColumns = List.copyOf(keyColumns);
        serverChecks = List.copyOf(serverChecks);
    }
}

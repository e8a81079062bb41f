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
 */
public record TableResult(QualifiedName table, long rows, List<String> keyColumns, Duration elapsed) {

    public TableResult {
        keyColumns = List.copyOf(keyColumns);
    }
}

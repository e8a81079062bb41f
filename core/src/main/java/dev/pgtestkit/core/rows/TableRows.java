package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.schema.QualifiedName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows written by a fixture load or a clone, by table in the order they were inserted, each as stored
 * (generated keys and defaults included). Immutable.
 *
 * @param byTable the rows of each table
 */
public record TableRows(Map<QualifiedName, List<Map<String, Object>>> byTable) {

    public TableRows {
        Map<QualifiedName, List<Map<String, Object>>> copy = new LinkedHashMap<>();
        byTable.forEach((table, rows) -> copy.put(table, List.copyOf(rows)));
        byTable = Collections.unmodifiableMap(copy);
    }

    /** The rows of {@code table}, by its name as stored ({@code users}) or qualified ({@code audit.events}); may be empty. */
    public List<Map<String, Object>> get(String table) {
        return byTable.entrySet().stream()
                .filter(e -> e.getKey().toString().equals(table) || e.getKey().name().equals(table))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
    }

    /** Number of rows in all tables. */
    public int count() {
        return byTable.values().stream().mapToInt(List::size).sum();
    }
}

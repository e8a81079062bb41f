package dev.pgtestkit.mock;

import dev.pgtestkit.core.schema.QualifiedName;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a generation wrote: rows and timing per table, the generated rows' keys, and the rows themselves when the
 * plan kept them. Immutable.
 */
public final class GenerationResult {

    private final Map<QualifiedName, TableResult> tables;
    private final List<QualifiedName> order;
    private final Function<QualifiedName, List<List<Object>>> keys;
    private final Map<QualifiedName, List<Map<String, Object>>> rows;
    private final Duration elapsed;

    /** For the generator; not meant to be built by callers. */
    public GenerationResult(List<TableResult> tables, Function<QualifiedName, List<List<Object>>> keys,
                            Map<QualifiedName, List<Map<String, Object>>> rows, Duration elapsed) {
        Map<QualifiedName, TableResult> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.table(), t));
        this.tables = Map.copyOf(byName);
        this.keys = keys;
        this.rows = Map.copyOf(rows);
        this.elapsed = elapsed;
        this.order = List.copyOf(byName.keySet());
    }

    /** Per table, parents first. */
    public List<TableResult> tables() {
        return order.stream().map(tables::get).toList();
    }

    /** The result of a table by exact name ({@code schema.table}) or unqualified name when unique. */
    public Optional<TableResult> table(String name) {
        return order.stream().filter(q -> q.toString().equals(name) || q.name().equals(name)).findFirst()
                .map(tables::get);
    }

    public long totalRows() {
        return tables.values().stream().mapToLong(TableResult::rows).sum();
    }

    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Key values ({@link TableResult#keyColumns()}) of the rows generated for a table, in generation order.
     * Computed on demand from the seed (nothing is read back from the database).
     *
     * @throws IllegalArgumentException when the table was not part of the generation
     */
    public List<List<Object>> keys(String table) {
        return keys.apply(require(table).table());
    }

    /** The generated rows (column name to value), when the plan kept them; else empty. */
    public List<Map<String, Object>> rows(String table) {
        return rows.getOrDefault(require(table).table(), List.of());
    }

    private TableResult require(String table) {
        return table(table).orElseThrow(() -> new IllegalArgumentException("Table " + table
                + " was not generated; generated: " + order));
    }

    /**
     * One line per table: rows and rows per second (and the rows the server's check verification had to have
     * generated again, when any), then the total.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (TableResult t : tables()) {
            double seconds = Math.max(t.elapsed().toNanos(), 1) / 1e9;
            sb.append(String.format("%-40s %,12d rows %,14.0f rows/s", t.table(), t.rows(), t.rows() / seconds));
            if (t.regeneratedRows() > 0) {
                sb.append(String.format(" (%,d regenerated for %s)", t.regeneratedRows(), t.serverChecks()));
            }
            sb.append(System.lineSeparator());
        }
        double total = Math.max(elapsed.toNanos(), 1) / 1e9;
        sb.append(String.format("%-40s %,12d rows %,14.0f rows/s in %.2f s%n", "total", totalRows(),
                totalRows() / total, total));
        return sb.toString();
    }
}

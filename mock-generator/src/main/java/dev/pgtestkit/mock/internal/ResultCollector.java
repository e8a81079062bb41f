package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.mock.TableResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Collects per-table timing, backfill pairs and kept rows as chunks pass to a sink. */
final class ResultCollector {

    private final ToLongFunction<TableGenerator> regenerated;
    private final List<TableResult> tables = new ArrayList<>();
    private final Map<TableGenerator, List<List<Object[]>>> backfills = new HashMap<>();
    private final Map<QualifiedName, List<Map<String, Object>>> kept = new LinkedHashMap<>();
    private long started;

    /** @param regenerated rows of a table the server's check verification rejected (regenerated) */
    ResultCollector(ToLongFunction<TableGenerator> regenerated) {
        this.regenerated = regenerated;
    }

    void start(TableGenerator g) {
        started = System.nanoTime();
    }

    void chunk(TableGenerator g, Chunk chunk) {
        if (!chunk.backfills().isEmpty()) {
            List<List<Object[]>> lists = backfills.computeIfAbsent(g, k -> new ArrayList<>());
            for (int k = 0; k < chunk.backfills().size(); k++) {
                if (lists.size() <= k) {
                    lists.add(new ArrayList<>());
                }
                lists.get(k).addAll(chunk.backfills().get(k));
            }
        }
        if (chunk.kept() != null) {
            List<Map<String, Object>> rows = kept.computeIfAbsent(g.table().name(), k -> new ArrayList<>());
            List<String> names = g.columnNames();
            for (Object[] row : chunk.kept()) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int p = 0; p < names.size(); p++) {
                    map.put(names.get(p), row[p]);
                }
                rows.add(Collections.unmodifiableMap(map));
            }
        }
    }

    void end(TableGenerator g) {
        tables.add(new TableResult(g.table().name(), g.rows(), g.keyColumnNames(),
                Duration.ofNanos(System.nanoTime() - started),
                g.extras().serverChecks().stream().map(TableCheck::name).toList(), regenerated.applyAsLong(g)));
    }

    List<TableResult> tables() {
        return tables;
    }

    /** Per backfilled foreign key of {@code g}: {key..., fk...} pairs. */
    List<List<Object[]>> backfills(TableGenerator g) {
        return backfills.getOrDefault(g, List.of());
    }

    Map<QualifiedName, List<Map<String, Object>>> kept() {
        return kept;
    }
}

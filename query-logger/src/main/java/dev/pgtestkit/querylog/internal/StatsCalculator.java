package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.DurationStats;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryStats;
import dev.pgtestkit.querylog.StatementStats;
import dev.pgtestkit.querylog.StatementType;
import dev.pgtestkit.querylog.TableStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link QueryStats} from events: exact counts and nearest-rank percentiles. */
public final class StatsCalculator {

    private StatsCalculator() {
    }

    public static QueryStats compute(List<QueryEvent> events) {
        Map<String, List<QueryEvent>> byStatement = new LinkedHashMap<>();
        Map<StatementType, Long> byType = new EnumMap<>(StatementType.class);
        long failures = 0;
        long slow = 0;
        for (QueryEvent event : events) {
            byStatement.computeIfAbsent(event.normalizedSql(), k -> new ArrayList<>()).add(event);
            byType.merge(event.type(), 1L, Long::sum);
            failures += event.succeeded() ? 0 : 1;
            slow += event.slow() ? 1 : 0;
        }
        List<StatementStats> statements = new ArrayList<>();
        byStatement.forEach((sql, group) -> statements.add(statementStats(sql, group)));
        statements.sort(Comparator.comparingLong((StatementStats s) -> s.durations().totalNanos()).reversed());
        return new QueryStats(durations(events), failures, slow, byType, statements, tableStats(events));
    }

    private static StatementStats statementStats(String sql, List<QueryEvent> group) {
        QueryEvent first = group.get(0);
        long rows = 0;
        long failures = 0;
        long slow = 0;
        for (QueryEvent event : group) {
            rows += Math.max(0, event.rows());
            failures += event.succeeded() ? 0 : 1;
            slow += event.slow() ? 1 : 0;
        }
        return new StatementStats(sql, first.type(), first.tables(), durations(group), rows, failures, slow);
    }

    private static List<TableStats> tableStats(List<QueryEvent> events) {
        Map<String, Map<StatementType, Long>> types = new LinkedHashMap<>();
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (QueryEvent event : events) {
            for (String table : event.tables()) {
                types.computeIfAbsent(table, t -> new EnumMap<>(StatementType.class))
                        .merge(event.type(), 1L, Long::sum);
                nanos.merge(table, event.durationNanos(), Long::sum);
            }
        }
        List<TableStats> tables = new ArrayList<>();
        types.forEach((table, counts) -> tables.add(new TableStats(table,
                counts.values().stream().mapToLong(Long::longValue).sum(), counts, nanos.get(table))));
        tables.sort(Comparator.comparingLong(TableStats::count).reversed());
        return tables;
    }

    static DurationStats durations(List<QueryEvent> events) {
        if (events.isEmpty()) {
            return DurationStats.EMPTY;
        }
        long[] sorted = new long[events.size()];
        long total = 0;
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = events.get(i).durationNanos();
            total += sorted[i];
        }
        Arrays.sort(sorted);
        return new DurationStats(sorted.length, total, total / sorted.length, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

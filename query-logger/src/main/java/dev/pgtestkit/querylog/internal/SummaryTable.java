package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.DurationStats;
import dev.pgtestkit.querylog.QueryStats;
import dev.pgtestkit.querylog.StatementStats;
import dev.pgtestkit.querylog.TableStats;
import java.util.Locale;

/** Renders {@link QueryStats} as a fixed-width text table for consoles and logs. */
public final class SummaryTable {

    private static final int SQL_WIDTH = 70;
    private static final String ROW = "%7s %10s %9s %9s %9s %9s %9s %8s  %s%n";

    private SummaryTable() {
    }

    public static String render(QueryStats stats) {
        StringBuilder out = new StringBuilder();
        DurationStats all = stats.overall();
        out.append(String.format(Locale.ROOT, "%d statements, %.3f ms total, mean %.3f ms, p95 %.3f ms, max %.3f ms;"
                        + " %d slow, %d failed%n", all.count(), all.totalMillis(), all.meanMillis(), all.p95Millis(),
                all.maxNanos() / 1e6, stats.slow(), stats.failures()));
        out.append("by type: ").append(HtmlRenderer.countsInWords(stats.byType())).append('\n');
        out.append(String.format(Locale.ROOT, ROW, "count", "total ms", "mean ms", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "rows", "statement"));
        for (StatementStats statement : stats.statements()) {
            DurationStats d = statement.durations();
            out.append(String.format(Locale.ROOT, ROW, d.count(), ms(d.totalNanos()), ms(d.meanNanos()),
                    ms(d.p50Nanos()), ms(d.p95Nanos()), ms(d.p99Nanos()), ms(d.maxNanos()), statement.rows(),
                    abbreviate(statement.normalizedSql())));
        }
        if (!stats.tables().isEmpty()) {
            out.append("by table:");
            for (TableStats table : stats.tables()) {
                out.append(' ').append(table.table()).append('=').append(table.count());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    static String abbreviate(String sql) {
        return sql.length() <= SQL_WIDTH ? sql : sql.substring(0, SQL_WIDTH - 3) + "...";
    }
}

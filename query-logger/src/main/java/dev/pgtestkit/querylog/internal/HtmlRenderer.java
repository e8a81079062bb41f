package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.DurationStats;
import dev.pgtestkit.querylog.NPlusOneFinding;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryPlan;
import dev.pgtestkit.querylog.QueryStats;
import dev.pgtestkit.querylog.StatementStats;
import dev.pgtestkit.querylog.TableStats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Builds the {@code HtmlReport} page: plain HTML with inline CSS, every value escaped. */
public final class HtmlRenderer {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:24px;color:#1d2330}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde}
            .meta{color:#667}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
            .card{border:1px solid #dde;border-radius:6px;padding:8px 14px;min-width:120px}
            .card b{display:block;font-size:20px}.card.warn{border-color:#e0a030;background:#fff8e8}
            .card.bad{border-color:#d05050;background:#fdeeee}
            table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;border-bottom:1px solid #eef;
            text-align:right;vertical-align:top}th{background:#f4f6fa;font-weight:600}
            td.sql,th.sql,td.l,th.l{text-align:left}code,pre{font:12px/1.4 "DejaVu Sans Mono",monospace}
            td.sql code{white-space:pre-wrap;word-break:break-word}.bar{height:6px;background:#5b8def;border-radius:3px}
            pre{background:#f6f8fa;padding:8px;overflow:auto}details{margin:4px 0}.none{color:#2a7a2a}
            """;

    private final QueryLog log;
    private final QueryStats stats;
    private final StringBuilder html = new StringBuilder(16_384);

    private HtmlRenderer(QueryLog log) {
        this.log = log;
        this.stats = log.stats();
    }

    public static String render(QueryLog log, String title) {
        HtmlRenderer renderer = new HtmlRenderer(log);
        renderer.page(title);
        return renderer.html.toString();
    }

    private void page(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        html.append("<h1>").append(esc(title)).append("</h1><div class=\"meta\">pgtestkit query logger · generated ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("</div>\n");
        cards();
        nPlusOne();
        slow();
        statements();
        tables();
        failures();
        html.append("</body></html>\n");
    }

    private void cards() {
        DurationStats all = stats.overall();
        html.append("<div class=\"cards\">");
        card("statements", Long.toString(all.count()), "");
        card("total time", ms(all.totalNanos()) + " ms", "");
        card("p95", ms(all.p95Nanos()) + " ms", "");
        card("slow", Long.toString(stats.slow()), stats.slow() > 0 ? "warn" : "");
        card("N+1 findings", Integer.toString(log.nPlusOneFindings().size()),
                log.nPlusOneFindings().isEmpty() ? "" : "bad");
        card("failures", Long.toString(stats.failures()), stats.failures() > 0 ? "bad" : "");
        html.append("</div><div class=\"meta\">by type: ").append(esc(stats.byType().toString())).append("</div>\n");
    }

    private void card(String label, String value, String kind) {
        html.append("<div class=\"card ").append(kind).append("\"><b>").append(esc(value)).append("</b>")
                .append(esc(label)).append("</div>");
    }

    private void nPlusOne() {
        List<NPlusOneFinding> findings = log.nPlusOneFindings();
        html.append("<h2 id=\"n-plus-one\">N+1 findings</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"none\">None.</p>\n");
            return;
        }
        html.append("<table><tr><th class=\"sql\">statement</th><th class=\"l\">call site</th><th>executions</th>"
                + "<th>distinct parameters</th><th>total ms</th></tr>\n");
        for (NPlusOneFinding f : findings) {
            html.append("<tr><td class=\"sql\"><code>").append(esc(f.normalizedSql()))
                    .append("</code></td><td class=\"l\"><code>")
                    .append(esc(f.callSite().toString())).append("</code></td><td>").append(f.executions())
                    .append("</td><td>").append(f.distinctParameters() < 0 ? "?" : f.distinctParameters())
                    .append("</td><td>").append(ms(f.totalNanos())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void slow() {
        List<QueryEvent> slow = log.slowQueries();
        html.append("<h2 id=\"slow\">Slow statements</h2>\n");
        if (slow.isEmpty()) {
            html.append("<p class=\"none\">None.</p>\n");
            return;
        }
        for (QueryEvent event : slow) {
            html.append("<details open><summary><b>").append(ms(event.durationNanos())).append(" ms</b> · ")
                    .append(event.rows()).append(" rows")
                    .append(event.callSite().map(s -> " · at " + esc(s.toString())).orElse(""))
                    .append("</summary><pre>").append(esc(event.sql())).append("</pre>");
            plan(event.plan().orElse(null));
            html.append("</details>\n");
        }
    }

    private void plan(QueryPlan plan) {
        if (plan == null || !plan.isAvailable()) {
            html.append("<p>Plan: ").append(esc(plan == null ? "not captured" : plan.summary())).append("</p>");
            return;
        }
        html.append("<p>Plan (").append(esc(plan.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                .append("): <code>").append(esc(plan.summary())).append("</code></p><pre>")
                .append(esc(PlanText.tree(plan.json()))).append("</pre><details><summary>EXPLAIN JSON</summary><pre>")
                .append(esc(plan.json())).append("</pre></details>");
    }

    private void statements() {
        html.append("<h2 id=\"statements\">Statements</h2>\n<table><tr><th>count</th><th>total ms</th><th></th>"
                + "<th>mean ms</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>rows</th>"
                + "<th class=\"l\">type</th><th class=\"sql\">statement</th></tr>\n");
        long longest = Math.max(1,
                stats.statements().stream().mapToLong(s -> s.durations().totalNanos()).max().orElse(1));
        for (StatementStats s : stats.statements()) {
            DurationStats d = s.durations();
            html.append("<tr><td>").append(d.count()).append("</td><td>").append(ms(d.totalNanos()))
                    .append("</td><td style=\"width:80px\"><div class=\"bar\" style=\"width:")
                    .append(Math.max(1, d.totalNanos() * 100 / longest)).append("%\"></div></td><td>")
                    .append(ms(d.meanNanos())).append("</td><td>").append(ms(d.p50Nanos())).append("</td><td>")
                    .append(ms(d.p95Nanos())).append("</td><td>").append(ms(d.p99Nanos())).append("</td><td>")
                    .append(ms(d.maxNanos())).append("</td><td>").append(s.rows()).append("</td><td class=\"l\">")
                    .append(s.type()).append("</td><td class=\"sql\"><code>").append(esc(s.normalizedSql()))
                    .append("</code></td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void tables() {
        html.append("<h2 id=\"tables\">Tables</h2>\n<table><tr><th class=\"l\">table</th><th>executions</th>"
                + "<th>total ms</th><th class=\"l\">by type</th></tr>\n");
        for (TableStats t : stats.tables()) {
            html.append("<tr><td class=\"l\"><code>").append(esc(t.table())).append("</code></td><td>")
                    .append(t.count()).append("</td><td>").append(ms(t.totalNanos())).append("</td><td class=\"l\">")
                    .append(esc(new java.util.TreeMap<>(t.byType()).toString())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void failures() {
        List<QueryEvent> failures = log.failures();
        html.append("<h2 id=\"failures\">Failures</h2>\n");
        if (failures.isEmpty()) {
            html.append("<p class=\"none\">None.</p>\n");
            return;
        }
        html.append("<table><tr><th class=\"l\">SQLState</th><th class=\"l\">message</th>"
                + "<th class=\"sql\">statement</th></tr>\n");
        for (QueryEvent event : failures) {
            html.append("<tr><td class=\"l\">").append(esc(event.sqlState().orElse(""))).append("</td><td class=\"l\">")
                    .append(esc(event.errorMessage().orElse(""))).append("</td><td class=\"sql\"><code>")
                    .append(esc(event.sql())).append("</code></td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

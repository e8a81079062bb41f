package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.DurationStats;
import dev.pgtestkit.querylog.NPlusOneFinding;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryPlan;
import dev.pgtestkit.querylog.QueryStats;
import dev.pgtestkit.querylog.StatementStats;
import dev.pgtestkit.querylog.StatementType;
import dev.pgtestkit.querylog.TableStats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
            .partial{border:1px solid #e0a030;background:#fff8e8;padding:6px 10px;border-radius:6px}
            nav ol{margin:4px 0;padding-left:20px}nav li{display:inline;margin-right:14px}
            summary{cursor:pointer}td.sql summary code{color:#1d2330}.more{color:#5b6b8d}
            """;

    /** SQL longer than this is shown cut, with the whole text one click away. */
    static final int SHOWN_SQL_CHARS = 240;

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
        partial();
        cards();
        contents();
        nPlusOne();
        slow();
        statements();
        tables();
        failures();
        html.append("</body></html>\n");
    }

    /** Says so when the log is the recent part of a longer history. */
    private void partial() {
        if (log.omittedEarlier() > 0) {
            html.append("<p class=\"partial\">This report shows the last ").append(words(log.size(), "statement"))
                    .append(" only: ").append(words(log.omittedEarlier(), "earlier statement"))
                    .append(" are no longer in the logger's history (")
                    .append("<code>QueryLogger.builder().historySize(…)</code> keeps more; a scope keeps all of"
                            + " its own).</p>\n");
        }
    }

    private void contents() {
        html.append("<nav><b>Contents</b><ol>");
        link("n-plus-one", "N+1 findings", log.nPlusOneFindings().size());
        link("slow", "Slow statements", log.slowQueries().size());
        link("statements", "Statements", stats.statements().size());
        link("tables", "Tables", stats.tables().size());
        link("failures", "Failures", log.failures().size());
        html.append("</ol></nav>\n");
    }

    private void link(String id, String label, long count) {
        html.append("<li><a href=\"#").append(id).append("\">").append(label).append("</a> (").append(count)
                .append(")</li>");
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
        html.append("</div><div class=\"meta\">by type: ").append(esc(countsInWords(stats.byType())))
                .append("</div>\n");
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

    /** Slow executions grouped by normalized statement, largest total time first, each with its slowest plan. */
    private void slow() {
        List<QueryEvent> slow = log.slowQueries();
        html.append("<h2 id=\"slow\">Slow statements</h2>\n");
        if (slow.isEmpty()) {
            html.append("<p class=\"none\">None.</p>\n");
            return;
        }
        Map<String, List<QueryEvent>> groups = new LinkedHashMap<>();
        for (QueryEvent event : slow) {
            groups.computeIfAbsent(event.normalizedSql(), k -> new ArrayList<>()).add(event);
        }
        List<List<QueryEvent>> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparingLong((List<QueryEvent> g) -> StatsCalculator.durations(g).totalNanos())
                .reversed());
        html.append("<p class=\"meta\">").append(words(slow.size(), "slow execution")).append(" of ")
                .append(words(sorted.size(), "statement")).append(", largest total time first.</p>\n");
        for (List<QueryEvent> group : sorted) {
            DurationStats d = StatsCalculator.durations(group);
            QueryEvent slowest = group.stream().max(Comparator.comparingLong(QueryEvent::durationNanos)).orElseThrow();
            html.append("<details open><summary><b>").append(ms(d.totalNanos())).append(" ms</b> in ")
                    .append(words(d.count(), "execution")).append(" · p50 ").append(ms(d.p50Nanos()))
                    .append(" ms · p95 ").append(ms(d.p95Nanos())).append(" ms · max ").append(ms(d.maxNanos()))
                    .append(" ms · <code>").append(esc(cut(slowest.normalizedSql()))).append("</code></summary>");
            html.append("<p>Slowest: ").append(ms(slowest.durationNanos())).append(" ms, ")
                    .append(words(Math.max(0, slowest.rows()), "row"))
                    .append(slowest.callSite().map(c -> " at <code>" + esc(c.toString()) + "</code>").orElse(""))
                    .append("</p>");
            sql(slowest.sql(), "pre");
            plan(slowest.plan().orElse(null));
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
        Map<String, Set<String>> callSites = new HashMap<>();
        for (QueryEvent event : log.events()) {
            event.callSite().ifPresent(c -> callSites.computeIfAbsent(event.normalizedSql(),
                    k -> new LinkedHashSet<>()).add(c.toString()));
        }
        html.append("<h2 id=\"statements\">Statements</h2>\n<table><tr><th>count</th><th>total ms</th><th></th>"
                + "<th>mean ms</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>rows</th>"
                + "<th class=\"l\">type</th><th class=\"sql\">statement</th><th class=\"l\">call site</th></tr>\n");
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
                    .append(s.type()).append("</td><td class=\"sql\">");
            sql(s.normalizedSql(), "code");
            html.append("</td><td class=\"l\">").append(callSiteCell(callSites.get(s.normalizedSql())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String callSiteCell(Set<String> sites) {
        if (sites == null || sites.isEmpty()) {
            return "";
        }
        String first = "<code>" + esc(sites.iterator().next()) + "</code>";
        return sites.size() == 1 ? first : first + " <span class=\"more\">and " + words(sites.size() - 1, "other")
                + "</span>";
    }

    /** SQL in a {@code code} or {@code pre} element; long SQL cut, with the whole text in a details element. */
    private void sql(String sql, String element) {
        if (sql.length() <= SHOWN_SQL_CHARS) {
            html.append('<').append(element).append('>').append(esc(sql)).append("</").append(element).append('>');
            return;
        }
        html.append("<details><summary><code>").append(esc(cut(sql))).append("</code> <span class=\"more\">(")
                .append(sql.length()).append(" characters: show all)</span></summary><").append(element).append('>')
                .append(esc(sql)).append("</").append(element).append("></details>");
    }

    private static String cut(String sql) {
        return sql.length() <= SHOWN_SQL_CHARS ? sql : sql.substring(0, SHOWN_SQL_CHARS) + "…";
    }

    private void tables() {
        html.append("<h2 id=\"tables\">Tables</h2>\n<table><tr><th class=\"l\">table</th><th>executions</th>"
                + "<th>total ms</th><th class=\"l\">by type</th></tr>\n");
        for (TableStats t : stats.tables()) {
            html.append("<tr><td class=\"l\"><code>").append(esc(t.table())).append("</code></td><td>")
                    .append(t.count()).append("</td><td>").append(ms(t.totalNanos())).append("</td><td class=\"l\">")
                    .append(esc(countsInWords(t.byType()))).append("</td></tr>\n");
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
                    .append(esc(event.errorMessage().orElse(""))).append("</td><td class=\"sql\">");
            sql(event.sql(), "code");
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** {@code {SELECT=29, INSERT=3}} as {@code 29 SELECT, 3 INSERT}, largest first. */
    public static String countsInWords(Map<StatementType, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<StatementType, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    /** {@code 1 statement}, {@code 3 statements}. */
    public static String words(long count, String noun) {
        return String.format(Locale.ROOT, "%,d", count) + " " + noun + (count == 1 ? "" : "s");
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

package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the report shows of a log: the parts of the page, without a browser (HtmlReportIT renders it in one). */
class HtmlReportTest {

    private static final CallSite DAO = new CallSite("com.acme.UserDao", "find", "UserDao.java", 42);

    @Test
    void groupsSlowStatementsByNormalFormLargestTotalFirstAndKeepsFailuresApart() {
        List<QueryEvent> events = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            events.add(TestEvent.select("SELECT * FROM users WHERE id = ?", 100 * i, DAO, i).asSlow());
        }
        events.add(TestEvent.select("SELECT * FROM orders WHERE total > ?", 900, DAO, 1).asSlow());
        events.add(TestEvent.select("SELECT broken FROM users", 1, DAO).failed("42703"));
        String page = HtmlReport.of(QueryLog.of(events)).render();
        assertThat(page).contains("<b>Contents</b>").contains("href=\"#slow\"").contains("href=\"#failures\"");
        assertThat(page).contains("5 slow executions of 2 statements, largest total time first");
        assertThat(page.indexOf("1000.000 ms</b> in 4 executions")).as("users: 1 s in all, before orders' 0.9 s")
                .isPositive().isLessThan(page.indexOf("900.000 ms</b> in 1 execution "));
        assertThat(page).contains("p50 200.000 ms · p95 400.000 ms · max 400.000 ms");
        assertThat(page).contains("by type: 6 SELECT").doesNotContain("{SELECT=");
        assertThat(page).contains("<code>com.acme.UserDao.find(UserDao.java:42)</code>");
        assertThat(page.substring(page.indexOf("id=\"failures\""))).contains("42703").contains("SELECT broken FROM users");
        assertThat(page).doesNotContain("earlier statements are no longer");
    }

    @Test
    void saysWhenItShowsPartOfTheHistoryAndCutsLongSql() {
        String longSql = "SELECT " + "a_rather_long_column_name, ".repeat(20) + "id FROM users";
        QueryLog log = QueryLog.of(List.of(TestEvent.select(longSql, 1, DAO)), 5, 1234);
        String page = HtmlReport.of(log).render();
        assertThat(page).contains("This report shows the last 1 statement only: 1,234 earlier statements are no"
                + " longer in the logger's history");
        assertThat(page).contains("characters: show all)</span></summary>").contains(longSql);
    }
}

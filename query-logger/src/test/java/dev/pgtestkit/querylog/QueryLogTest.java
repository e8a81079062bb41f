package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryLogTest {

    private static final CallSite LOOP = new CallSite("com.acme.OrderService", "load", "OrderService.java", 42);
    private static final CallSite OTHER = new CallSite("com.acme.Report", "run", "Report.java", 7);

    @Test
    void statsHaveExactCountsAndNearestRankPercentiles() {
        List<QueryEvent> events = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) {
            events.add(TestEvent.select("SELECT * FROM users WHERE id = ?", ms, LOOP, ms));
        }
        events.add(TestEvent.select("UPDATE users SET x = ?", 500, null, 1).withType(StatementType.UPDATE, "users"));
        QueryStats stats = QueryLog.of(events).stats();
        assertThat(stats.overall().count()).isEqualTo(101);
        assertThat(stats.byType()).containsEntry(StatementType.SELECT, 100L).containsEntry(StatementType.UPDATE, 1L);
        StatementStats select = stats.statements().get(0);
        assertThat(select.normalizedSql()).isEqualTo("SELECT * FROM users WHERE id = ?");
        assertThat(select.durations().p50Nanos()).isEqualTo(50_000_000);
        assertThat(select.durations().p95Nanos()).isEqualTo(95_000_000);
        assertThat(select.durations().p99Nanos()).isEqualTo(99_000_000);
        assertThat(select.durations().maxNanos()).isEqualTo(100_000_000);
        assertThat(select.durations().meanNanos()).isEqualTo(50_500_000);
        assertThat(select.rows()).isEqualTo(100);
        assertThat(stats.statements().get(1).type()).isEqualTo(StatementType.UPDATE);
        assertThat(stats.tables()).singleElement().satisfies(t -> {
            assertThat(t.table()).isEqualTo("users");
            assertThat(t.count()).isEqualTo(101);
        });
        assertThat(stats.toTable()).contains("    100   5050.000    50.500    50.000    95.000    99.000   100.000      100"
                + "  SELECT * FROM users WHERE id = ?");
    }

    @Test
    void nPlusOneNeedsTheSameCallSiteEnoughTimesWithDifferentParameters() {
        List<QueryEvent> events = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            events.add(TestEvent.select("SELECT * FROM users WHERE id = ?", 1, LOOP, id));
            events.add(TestEvent.select("SELECT * FROM users WHERE id = ?", 1, OTHER, id));
            events.add(TestEvent.select("SELECT * FROM config WHERE k = ?", 1, LOOP, "same"));
        }
        events.remove(events.size() - 2);
        List<NPlusOneFinding> findings = QueryLog.of(events, 5).nPlusOneFindings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.callSite()).isEqualTo(LOOP);
            assertThat(f.executions()).isEqualTo(5);
            assertThat(f.distinctParameters()).isEqualTo(5);
            assertThat(f.describe()).isEqualTo("N+1: SELECT * FROM users WHERE id = ? ran 5 times with 5 different"
                    + " parameter sets at com.acme.OrderService.load(OrderService.java:42) (5.0 ms). Load all rows in one"
                    + " query (JOIN or IN/ANY) or batch it.");
        });
        assertThat(QueryLog.of(events, 6).nPlusOneFindings()).isEmpty();
    }

    @Test
    void tablesMatchUnqualifiedAndQualifiedNamesAnyCase() {
        QueryLog log = QueryLog.of(List.of(
                TestEvent.select("SELECT 1", 1, null).withType(StatementType.SELECT, "public.users"),
                TestEvent.select("INSERT", 1, null).withType(StatementType.INSERT, "Users"),
                TestEvent.select("SELECT 2", 1, null).withType(StatementType.SELECT, "users_archive")));
        assertThat(log.countForTable("users")).isEqualTo(2);
        assertThat(log.countForTable(StatementType.INSERT, "USERS")).isEqualTo(1);
        assertThat(log.countForTable("public.users")).isEqualTo(1);
    }

    @Test
    void thresholdBelowTwoIsRejected() {
        assertThatThrownBy(() -> QueryLog.of(List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nPlusOneThreshold must be at least 2, was 1");
    }

    @Test
    void callSitesPrintLikeStackTraceLines() {
        assertThat(LOOP).hasToString("com.acme.OrderService.load(OrderService.java:42)");
        assertThat(new CallSite("a.B", "c", null, -1)).hasToString("a.B.c(Unknown Source)");
    }
}

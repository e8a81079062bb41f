package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Plans of statements on tables only their session sees (temporary, or created in a transaction not yet
 * committed): captured on the statement's own session, which they leave exactly as it was; or, when the logger
 * could not know, the report says why there is none. A threshold of 1 ns makes every statement slow, so nothing
 * here depends on how fast the machine is.
 */
class TempTablePlanIT {

    private static QueryLogger everyStatementSlow() {
        return QueryLogger.builder().logToSlf4j(false).slowThreshold(Duration.ofNanos(1)).build();
    }

    @Test
    void explainsAStatementOnATemporaryTableOnItsOwnSessionOutsideATransaction() throws SQLException {
        try (DisposableDatabase db = TestDatabases.withSchema();
                QueryLogger logger = everyStatementSlow();
                Connection c = logger.wrap(db.dataSource()).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE scratch (id int PRIMARY KEY, name text)");
            s.execute("INSERT INTO scratch SELECT g, 'n' || g FROM generate_series(1, 10) g");
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM scratch WHERE id = ?")) {
                p.setInt(1, 3);
                p.executeQuery().close();
            }
            QueryPlan plan = planOf(logger, "SELECT name FROM scratch");
            assertThat(plan.isAvailable()).as(plan.summary()).isTrue();
            assertThat(plan.mode()).isEqualTo(QueryPlan.Mode.GENERIC_ON_SESSION);
            assertThat(plan.json()).contains("scratch").contains("$1");
            assertThat(c.getAutoCommit()).isTrue();
            assertSessionUnchanged(s, "auto");
            assertThat(single(s, "SELECT count(*) FROM scratch")).isEqualTo("10");
        }
    }

    @Test
    void explainsAStatementOnAnUncommittedTableUnderASavepointItRollsBack() throws SQLException {
        try (DisposableDatabase db = TestDatabases.withSchema();
                QueryLogger logger = everyStatementSlow();
                Connection c = logger.wrap(db.dataSource()).getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            s.execute("CREATE TABLE pending (id int PRIMARY KEY, total numeric)");
            s.execute("INSERT INTO pending SELECT g, g * 1.5 FROM generate_series(1, 100) g");
            try (PreparedStatement p = c.prepareStatement("SELECT sum(total) FROM pending WHERE id > ?")) {
                p.setInt(1, 50);
                p.executeQuery().close();
            }
            QueryPlan plan = planOf(logger, "SELECT sum(total) FROM pending");
            assertThat(plan.isAvailable()).as(plan.summary()).isTrue();
            assertThat(plan.mode()).isEqualTo(QueryPlan.Mode.GENERIC_ON_SESSION);
            assertThat(plan.json()).contains("pending");
            // still the application's transaction, with its own setting and every row
            assertSessionUnchanged(s, "force_custom_plan");
            s.execute("INSERT INTO pending VALUES (101, 1)");
            assertThat(single(s, "SELECT count(*) FROM pending")).isEqualTo("101");
            c.rollback();
            assertThat(single(s, "SELECT count(*) FROM pg_class WHERE relname = 'pending'")).isEqualTo("0");
        }
    }

    @Test
    void saysWhyThereIsNoPlanWhenTheTemporaryTableWasCreatedBeneathTheLoggerThenExplainsOnTheSession()
            throws SQLException {
        try (DisposableDatabase db = TestDatabases.withSchema();
                QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(Duration.ofNanos(1))
                        .planDataSource(db.dataSource()).build();
                Connection raw = db.connect()) {
            try (Statement unlogged = raw.createStatement()) {
                unlogged.execute("CREATE TEMP TABLE hidden (id int)");
            }
            Connection c = logger.wrap(raw);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM hidden").close();
                QueryPlan first = planOf(logger, "SELECT count(*) FROM hidden");
                assertThat(first.isAvailable()).isFalse();
                assertThat(first.summary()).contains("does not see the statement's table").contains("hidden")
                        .contains("temporary table").contains("later slow statements on this connection");
                assertThat(HtmlReport.of(logger.log()).render()).contains("does not see the statement&#39;s table");

                s.executeQuery("SELECT max(id) FROM hidden").close();
                QueryPlan second = planOf(logger, "SELECT max(id) FROM hidden");
                assertThat(second.isAvailable()).as(second.summary()).isTrue();
                assertThat(second.mode()).isEqualTo(QueryPlan.Mode.GENERIC_ON_SESSION);
            }
        }
    }

    private static QueryPlan planOf(QueryLogger logger, String sqlStart) {
        QueryEvent event = logger.log().events().stream().filter(e -> e.sql().startsWith(sqlStart)).findFirst()
                .orElseThrow();
        assertThat(event.slow()).isTrue();
        return event.awaitPlan(Duration.ofSeconds(30)).orElseThrow();
    }

    private static void assertSessionUnchanged(Statement s, String planCacheMode) throws SQLException {
        assertThat(single(s, "SHOW plan_cache_mode")).isEqualTo(planCacheMode);
        assertThat(single(s, "SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'pgtestkit%'"))
                .isEqualTo("0");
        assertThat(single(s, "SHOW client_min_messages")).isEqualTo("notice");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}

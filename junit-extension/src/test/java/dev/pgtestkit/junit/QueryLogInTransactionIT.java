package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The injected query log inside a test transaction: plans of slow statements are captured in a session of their own,
 * so their read-only EXPLAIN transaction never becomes the test's, and the other-session check does not count it.
 */
class QueryLogInTransactionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void slowStatementsAreExplainedOutsideTheTestTransaction() {
        // Test logs default to a 5 s threshold; this test asks for plans of its 60 ms statements.
        System.setProperty(QueryLogSupport.SLOW_THRESHOLD_PROPERTY, "50");
        try {
            Engine.assertAllPass(1, SlowStatements.class);
        } finally {
            System.clearProperty(QueryLogSupport.SLOW_THRESHOLD_PROPERTY);
        }
    }

    @Test
    void ordinaryStatementsAreNotSlowByDefault() {
        Engine.assertAllPass(1, DefaultThreshold.class);
    }

    @Test
    void eachTestOfAClassTransactionLogsOnlyItsOwnStatements() {
        Engine.assertAllPass(3, OwnStatementsOnly.class);
    }

    @Test
    void theRegistryGivesColumnOrderAndSchemaQualification() {
        Engine.assertAllPass(1, CatalogAware.class);
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    static class CatalogAware {
        @Test
        void readsInsertsWithoutAColumnListByTheTablesColumnOrder(DataSource dataSource, QueryLogger queries)
                throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE made_here (id int, api_token text)");
                insert(connection, "INSERT INTO accounts VALUES (?, ?, ?)", 7, "seven@example.com", 12);
                insert(connection, "INSERT INTO made_here VALUES (?, ?)", 8, "tok-8");
                statement.executeQuery("SELECT count(*) FROM public.accounts").close();
                statement.executeQuery("SELECT count(*) FROM accounts").close();
            }
            assertThat(event(queries, "INSERT INTO accounts").parameters())
                    .containsExactly(java.util.List.of(7, "seven@example.com", 12));
            assertThat(event(queries, "INSERT INTO made_here").parameters()).as("unknown to the committed catalog:"
                    + " every value treated as secret").containsExactly(java.util.List.of("***", "***"));
            assertThat(event(queries, "SELECT count(*) FROM public.accounts").normalizedSql())
                    .isEqualTo(event(queries, "SELECT count(*) FROM accounts").normalizedSql());
        }

        private static void insert(Connection connection, String sql, Object... values) throws SQLException {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.executeUpdate();
            }
        }

        private static QueryEvent event(QueryLogger queries, String sql) {
            return queries.log().events().stream().filter(e -> e.sql().startsWith(sql)).findFirst().orElseThrow(
                    () -> new AssertionError("no event '" + sql + "' among " + queries.log().events().stream()
                            .map(QueryEvent::sql).toList()));
        }
    }

    /** The tests share one logger (reset per test); none sees another's statements, nor the class fixtures'. */
    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    static class OwnStatementsOnly {
        @org.junit.jupiter.api.BeforeAll
        static void fixtures(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT 'fixture', count(*) FROM accounts");
            }
        }

        @org.junit.jupiter.api.RepeatedTest(3)
        void seesOnlyItsOwnStatement(DataSource dataSource, QueryLogger queries,
                                     org.junit.jupiter.api.RepetitionInfo repetition) throws SQLException {
            assertThat(queries.log().events()).as("nothing before this test's first statement").isEmpty();
            String sql = "SELECT count(*) AS repetition_" + repetition.getCurrentRepetition() + " FROM accounts";
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeQuery(sql).close();
            }
            assertThat(queries.log().events()).extracting(QueryEvent::sql).containsExactly(sql);
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    static class DefaultThreshold {
        @Test
        void aSixtyMillisecondStatementIsNotSlow(DataSource dataSource, QueryLogger queries) throws SQLException {
            assertThat(queries.slowThreshold()).isEqualTo(Duration.ofSeconds(5));
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT pg_sleep(0.06), count(*) FROM accounts").close();
            }
            assertThat(queries.log().events()).hasSize(1).noneMatch(QueryEvent::slow);
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction(otherSessions = SessionCheck.EVERY_TEST)
    static class SlowStatements {
        @Test
        void explainsInASessionOfItsOwn(DataSource dataSource, QueryLogger queries) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE made_here (id int)");
                statement.executeQuery("SELECT pg_sleep(0.06), count(*) FROM made_here").close();
                statement.executeQuery("SELECT pg_sleep(0.06), count(*) FROM accounts").close();
            }
            QueryPlan onNewTable = planOf(queries, "FROM made_here");
            assertThat(onNewTable.mode()).as("the test's uncommitted table: explained on the test's own session, under"
                    + " a savepoint rolled back").isEqualTo(QueryPlan.Mode.GENERIC_ON_SESSION);
            assertThat(onNewTable.json()).contains("made_here");
            assertThat(planOf(queries, "FROM accounts").json()).contains("\"Node Type\"");

            Sql.insertAccount(dataSource, "after-explain@example.com"); // the test transaction is still read-write
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(1);
        }

        private static QueryPlan planOf(QueryLogger queries, String sqlPart) {
            QueryEvent event = queries.log().events().stream()
                    .filter(e -> e.slow() && e.sql().contains(sqlPart)).findFirst().orElseThrow();
            return event.awaitPlan(WAIT).orElseThrow();
        }
    }
}

package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.querylog.QueryLogger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** @MockData and @Fixture inside the test's transaction or the class's; the test tools; the test's query log. */
class DataAnnotationsIT {

    @Test
    void appliesClassLevelDataOnceInsideTheClassTransaction() {
        Engine.assertAllPass(2, ClassDataFixture.class);
    }

    @Test
    void appliesMethodLevelDataInsideTheTestTransaction() {
        Engine.assertAllPass(3, MethodDataFixture.class);
    }

    @Test
    void appliesClassLevelDataToEachDatabaseOfADatabasePerTestClass() {
        Engine.assertAllPass(2, PerTestDataFixture.class);
    }

    @Test
    void injectsTheToolsAndTheQueryLogOfTheTest() {
        Engine.assertAllPass(2, ToolsFixture.class);
    }

    @Test
    void appliesRowCountsAndColumnValuesPerTable() {
        Engine.assertAllPass(2, PerTableFixture.class);
    }

    @Test
    void explainsAnUnknownColumnAndAnAmbiguousColumnValue() {
        Engine.run(UnknownColumnFixture.class).testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                message("Column 'balanse' not found in table 'accounts'. Available columns: id, email, balance."
                        + " Did you mean: balance?")));
        Engine.run(TwoValuesFixture.class).testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                message("@MockData(table = \"accounts\"): @MockData.Column(name = \"balance\") gives 2 values; set"
                        + " exactly one of value, expression, isNull, serverDefault.")));
    }

    @Test
    void explainsAMissingFixtureFile() {
        Engine.run(MissingFixture.class).testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(
                m -> m.contains("Fixture file 'nowhere.json' of MissingFixture not found on the class path: looked "
                        + "for dev/pgtestkit/junit/nowhere.json and nowhere.json"))));
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @MockData(table = "Account", rows = 5, children = @MockData.Child(table = "transfers", count = 2), seed = 7)
    @Fixture("/fixtures/ledger.yaml")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClassDataFixture {
        @Test
        @Order(1)
        void seesTheClassDataAndWrites(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(6);
            assertThat(Sql.count(dataSource, "transfers")).isEqualTo(12);
            Sql.insertAccount(dataSource, "extra@x.org");
        }

        @Test
        @Order(2)
        void startsFromTheClassDataAgain(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(6);
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class MethodDataFixture {
        @Test
        @Order(1)
        @WithTransaction
        @Fixture("accounts.json")
        @MockData(table = "accounts", rows = 3, seed = 1)
        void getsFixturesThenMockRows(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(5);
            assertThat(Sql.emails(dataSource)).contains("ada@example.com,").contains("grace@example.com");
        }

        @Test
        @Order(2)
        @WithTransaction
        void nextTestHasNone(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isZero();
        }

        @Test
        @Order(3)
        void nothingWasCommitted(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isZero();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION, isolation = Isolation.DATABASE_PER_TEST)
    @MockData(table = "accounts", rows = 4)
    static class PerTestDataFixture {
        @RepeatedTest(2)
        void eachDatabaseHasTheRows(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(4);
            Sql.insertAccount(dataSource, "committed@x.org");
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    static class ToolsFixture {
        @Test
        @Fixture("accounts.json")
        void countsOnlyTheStatementsOfTheCodeUnderTest(DataSource dataSource, Rows rows, QueryLogger queries)
                throws SQLException {
            rows.insert("Account", Map.of("email", "rows@x.org"));
            try (Connection connection = dataSource.getConnection()) {
                assertThat(Sql.count(connection, "accounts")).isEqualTo(3);
                assertThat(Sql.count(connection, "transfers")).isZero();
            }
            assertThat(queries.log().selectCount()).isEqualTo(2);
            assertThat(queries.log().insertCount()).isZero();
        }

        @Test
        void generatesInsideTheTestTransaction(MockDataGenerator generator, Rows rows) {
            generator.generate(GenerationPlan.builder().table("transfers", 20).build());
            assertThat(rows.count("transfers")).isEqualTo(20);
            assertThat(rows.count("accounts")).isPositive();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class MissingFixture {
        @Test
        @Fixture("nowhere.json")
        void neverRuns() {
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    static class PerTableFixture {
        @Test
        @MockData(table = "transfers", rows = 6, seed = 3,
                  columns = @MockData.Column(name = "amount", value = "12.50"),
                  tables = @MockData.Table(name = "Account", rows = 2,
                                           columns = @MockData.Column(name = "balance", value = "100")))
        void namesAParentsRowsAndValues(Rows rows) {
            assertThat(rows.query("SELECT count(*) AS n, min(balance) AS lo, max(balance) AS hi FROM accounts"))
                    .singleElement().hasToString("{n=2, lo=100.00, hi=100.00}");
            assertThat(rows.query("SELECT count(*) AS n, min(amount) AS lo, max(amount) AS hi,"
                    + " count(DISTINCT account_id) <= 2 AS on_those FROM transfers"))
                    .singleElement().hasToString("{n=6, lo=12.50, hi=12.50, on_those=true}");
        }

        @Test
        @MockData(table = "accounts", rows = 3, columns = @MockData.Column(name = "balance", serverDefault = true),
                  children = @MockData.Child(table = "transfers", count = 2,
                                             columns = @MockData.Column(name = "amount", expression = "#{numerify '9.##'}")))
        void setsChildColumnsAndLeavesColumnsToTheServer(Rows rows) {
            assertThat(rows.query("SELECT count(*) AS n, max(balance) AS hi FROM accounts"))
                    .singleElement().hasToString("{n=3, hi=0.00}");
            assertThat(rows.query("SELECT count(*) AS n, bool_and(amount >= 9 AND amount < 10) AS nines FROM transfers"))
                    .singleElement().hasToString("{n=6, nines=true}");
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class UnknownColumnFixture {
        @Test
        @MockData(table = "accounts", rows = 1, columns = @MockData.Column(name = "balanse", value = "1"))
        void neverRuns() {
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class TwoValuesFixture {
        @Test
        @MockData(table = "accounts", rows = 1, columns = @MockData.Column(name = "balance", value = "1", isNull = true))
        void neverRuns() {
        }
    }
}

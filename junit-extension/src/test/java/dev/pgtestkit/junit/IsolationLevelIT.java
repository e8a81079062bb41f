package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgtestkit.core.tx.IsolationLevel;
import dev.pgtestkit.core.tx.TransactionIsolationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

/** @WithTransaction(isolationLevel): the test transaction really runs at that level, and conflicts are explained. */
class IsolationLevelIT {

    @Test
    void beginsEachTestsTransactionAtTheLevelItAsksFor() {
        Engine.assertAllPass(3, MethodLevelFixture.class);
    }

    @Test
    void beginsTheClassTransactionAtTheClassLevel() {
        Engine.assertAllPass(3, ClassLevelFixture.class);
    }

    @Test
    void explainsATestThatAsksForAnotherLevelThanItsClassTransaction() {
        EngineExecutionResults results = Engine.run(ConflictFixture.class);
        Events tests = results.testEvents();
        tests.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        tests.assertThatEvents().haveExactly(1, event(test("asksForSerializable"), finishedWithFailure(
                instanceOf(TransactionIsolationException.class), message(m -> m.contains("asks for isolation level "
                        + "SERIALIZABLE, but it runs in the transaction of class ConflictFixture, which began at "
                        + "READ COMMITTED") && m.contains("Put the isolation level on the class's @WithTransaction")))));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("Inner"), finishedWithFailure(
                instanceOf(TransactionIsolationException.class), message(m -> m.contains("class Inner asks for "
                        + "isolation level REPEATABLE READ")))));
    }

    static String isolation(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW transaction_isolation")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class MethodLevelFixture {
        @Test
        @WithTransaction(isolationLevel = IsolationLevel.SERIALIZABLE)
        void serializable(DataSource dataSource) throws SQLException {
            assertThat(isolation(dataSource)).isEqualTo("serializable");
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
        }

        @Test
        @WithTransaction(isolationLevel = IsolationLevel.REPEATABLE_READ)
        void repeatableReadThroughAPool(DataSource dataSource) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(dataSource);
            config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
            config.setMaximumPoolSize(2);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                assertThat(isolation(pool)).isEqualTo("repeatable read");
            }
        }

        @Test
        @WithTransaction
        void serverDefault(DataSource dataSource) throws SQLException {
            assertThat(isolation(dataSource)).isEqualTo("read committed");
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction(isolationLevel = IsolationLevel.REPEATABLE_READ)
    static class ClassLevelFixture {
        @Test
        void firstTest(DataSource dataSource) {
            assertThat(isolation(dataSource)).isEqualTo("repeatable read");
        }

        @Test
        @WithTransaction(isolationLevel = IsolationLevel.REPEATABLE_READ, resetSequences = true)
        void sameLevelWithOtherSettings(DataSource dataSource) {
            assertThat(isolation(dataSource)).isEqualTo("repeatable read");
        }

        @Nested
        class Inner {
            @Test
            void inheritsTheLevel(DataSource dataSource) {
                assertThat(isolation(dataSource)).isEqualTo("repeatable read");
            }
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ConflictFixture {
        @Test
        @Order(1)
        @WithTransaction(isolationLevel = IsolationLevel.SERIALIZABLE)
        void asksForSerializable() {
            throw new AssertionError("must not run: the class transaction is READ COMMITTED");
        }

        @Test
        @Order(2)
        void runsAtTheClassLevel(DataSource dataSource) {
            assertThat(isolation(dataSource)).isEqualTo("read committed");
        }

        @Nested
        @WithTransaction(isolationLevel = IsolationLevel.REPEATABLE_READ)
        class Inner {
            @Test
            void inANestedClassOfAnotherLevel() {
                throw new AssertionError("must not run: the class transaction is READ COMMITTED");
            }
        }
    }
}

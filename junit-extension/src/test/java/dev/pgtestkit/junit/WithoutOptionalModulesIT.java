package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pgtestkit.core.rows.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension with only core beside it (its own failsafe execution leaves the mock generator and the query logger
 * off the class path): rollback isolation and the core parameters work, and {@code @MockData} says which
 * module to add. Enabled only in that execution, so {@code -Dit.test=...} does not run it with the modules present.
 */
@EnabledIfSystemProperty(named = "pgtestkit.withoutOptionalModules", matches = "true")
class WithoutOptionalModulesIT {

    @ParameterizedTest
    @ValueSource(strings = {"dev.pgtestkit.mock.MockDataGenerator", "dev.pgtestkit.querylog.QueryLogger"})
    void runsWithoutTheOptionalModules(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void rollsBackWithCorePartsOnly() {
        Engine.assertAllPass(2, CoreOnlyFixture.class);
    }

    @Test
    void mockDataNamesTheModuleToAdd() {
        Events events = Engine.run(MockDataFixture.class).testEvents();
        events.assertStatistics(s -> s.started(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("generates"), finishedWithFailure(message(m -> m.contains(
                "@MockData on MockDataFixture.generates() needs the mock generator")
                && m.contains("dev.pgtestkit:pgtestkit-mock-generator")))));
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CoreOnlyFixture {
        @Test
        @Order(1)
        void commitsThroughThePinnedConnection(DataSource dataSource, Rows rows) throws SQLException {
            assertThat(dataSource.getClass().getName()).doesNotContain("querylog");
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                Sql.insertAccount(connection, "committed@x.org");
                connection.commit();
            }
            rows.insert("accounts", Map.of("email", "row-api@x.org"));
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(2);
        }

        @Test
        @Order(2)
        void startsFromTheTemplateAgain(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isZero();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    static class MockDataFixture {
        @Test
        @MockData(table = "accounts", rows = 3)
        void generates() {
        }
    }
}

package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.querylog.QueryLogger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every injectable type, in tests and lifecycle methods, shares the test's transaction; kept databases. */
class InjectionIT {

    @Test
    void injectsEveryTypeIntoTheSameTransaction() {
        Engine.assertAllPass(2, EveryTypeFixture.class);
    }

    @Test
    void explainsParametersAClassWithDatabasePerTestCannotHave() {
        Engine.run(PerTestLifecycleFixture.class).containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(ParameterResolutionException.class), message(m -> m.contains("No DataSource for class "
                        + "PerTestLifecycleFixture: with @PgTest(isolation = DATABASE_PER_TEST) each test has its own "
                        + "database"))));
    }

    @Test
    void keepsTheDatabaseOfAFailedTestWithWhatItWrote() throws SQLException {
        EngineExecutionResults results = Engine.run(KeepOnFailureFixture.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        List<ReportEntry> entries = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class)).toList();
        assertThat(entries).hasSize(1);
        String url = entries.get(0).getKeyValuePairs().get("pgtestkit.keptDatabase");
        String name = url.replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        PostgresServer server = PostgresProvider.auto().shared();
        try (Connection kept = server.connect(name); Statement statement = kept.createStatement();
             ResultSet rows = statement.executeQuery("SELECT email FROM accounts")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("evidence@x.org");
        } finally {
            server.dropDatabase(name);
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class EveryTypeFixture {
        @BeforeAll
        void lifecycleMethodsGetTheClassTransaction(TestTransaction tx) {
            tx.execute("INSERT INTO accounts (email) VALUES (?)", "fixture@x.org");
        }

        @BeforeEach
        void beforeEachSharesTheTestTransaction(DataSource dataSource) {
            assertThat(Sql.emails(dataSource)).isEqualTo("fixture@x.org");
            Sql.insertAccount(dataSource, "before-each@x.org");
        }

        @Test
        void injectsEverything(DataSource dataSource, Connection connection, TestTransaction tx,
                               DisposableDatabase database, SchemaRegistry registry, Jdbi jdbi, Handle handle,
                               Rows rows, MockDataGenerator generator, QueryLogger queries) throws SQLException {
            Sql.insertAccount(connection, "connection@x.org");
            handle.execute("INSERT INTO accounts (email) VALUES (?)", "handle@x.org");
            jdbi.useHandle(h -> h.execute("INSERT INTO accounts (email) VALUES (?)", "jdbi@x.org"));
            tx.savepoint("before_last");
            tx.execute("INSERT INTO accounts (email) VALUES (?)", "undone@x.org");
            tx.rollbackTo("before_last");
            assertThat(Sql.emails(dataSource)).isEqualTo("before-each@x.org,connection@x.org,fixture@x.org,"
                    + "handle@x.org,jdbi@x.org");
            assertThat(database.name()).startsWith(PostgresServer.DATABASE_PREFIX);
            assertThat(tx.database()).isEqualTo(database.name());
            assertThat(registry.table("accounts").columnNames()).containsExactly("id", "email", "balance");
            assertThat(rows.count("accounts")).isEqualTo(5);
            assertThat(generator.registry()).isSameAs(registry);
            // @BeforeEach, connection, handle, jdbi; not the TestTransaction, which is pgtestkit's own tool
            assertThat(queries.log().insertCount()).isEqualTo(4);
        }

        @Test
        void nextTestSeesOnlyTheFixtures(DataSource dataSource, SchemaRegistry registry) {
            assertThat(Sql.emails(dataSource)).isEqualTo("before-each@x.org,fixture@x.org");
            assertThat(registry.table("transfers").matchColumn("accountId").name()).isEqualTo("account_id");
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION, isolation = Isolation.DATABASE_PER_TEST)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerTestLifecycleFixture {
        @BeforeAll
        void classLevelDataSource(DataSource dataSource) {
            throw new AssertionError("not reached");
        }

        @Test
        void neverRuns() {
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION, isolation = Isolation.DATABASE_PER_TEST, keepOnFailure = true)
    static class KeepOnFailureFixture {
        @Test
        @WithTransaction
        void failsAfterWriting(DataSource dataSource) {
            Sql.insertAccount(dataSource, "evidence@x.org");
            throw new AssertionError("failing on purpose");
        }

        @Test
        @WithTransaction
        void passes(DataSource dataSource) {
            Sql.insertAccount(dataSource, "dropped@x.org");
        }
    }
}

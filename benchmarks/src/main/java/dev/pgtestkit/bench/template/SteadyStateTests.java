package dev.pgtestkit.bench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgtestkit.junit.Isolation;
import dev.pgtestkit.junit.PgTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test classes {@link SteadyStateBenchmark} runs through the JUnit platform launcher: fast tests (one query
 * through the injected DataSource) with a database per test, and the same tests sharing the class's database; and
 * tests that also insert a row with a database per test. A read-only test gives back a clone the pool hands out
 * again (PostgreSQL 15+), a writing one a clone the pool drops and replaces: both paths show, on lines of their own.
 * {@link WaitTimer}, registered before {@code @PgTest}, times from its own {@code beforeEach} (which runs before the
 * extension's) to {@code beforeTestExecution} (after every {@code beforeEach}): the time a test waits for the
 * extension, its database included.
 */
final class SteadyStateTests {

    static final int REPETITIONS = 60;
    static final String MIGRATIONS = "classpath:db/bench-steady";

    private SteadyStateTests() {
    }

    static void countAccounts(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
             ResultSet rows = st.executeQuery("SELECT count(*) FROM accounts")) {
            rows.next();
            assertEquals(20, rows.getLong(1));
        }
    }

    @ExtendWith(WaitTimer.class)
    @PgTest(migrations = MIGRATIONS, isolation = Isolation.DATABASE_PER_TEST)
    static class DatabasePerTest {
        @RepeatedTest(REPETITIONS)
        void count(DataSource dataSource) throws SQLException {
            countAccounts(dataSource);
        }
    }

    /** Each test inserts (and commits) a row into its own database: a changed clone, never reused. */
    @ExtendWith(WaitTimer.class)
    @PgTest(migrations = MIGRATIONS, isolation = Isolation.DATABASE_PER_TEST)
    static class DatabasePerTestWriting {
        @RepeatedTest(REPETITIONS)
        void insert(DataSource dataSource) throws SQLException {
            countAccounts(dataSource); // 20: the clone is the template's, never one an earlier test wrote to
            try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
                assertEquals(1, st.executeUpdate("INSERT INTO accounts (email) VALUES ('new@example.com')"));
            }
        }
    }

    @ExtendWith(WaitTimer.class)
    @PgTest(migrations = MIGRATIONS)
    static class SharedDatabase {
        @RepeatedTest(REPETITIONS)
        void count(DataSource dataSource) throws SQLException {
            countAccounts(dataSource);
        }
    }

    /** Per test, in run order: nanoseconds from this extension's beforeEach to the test's execution. */
    public static final class WaitTimer implements BeforeEachCallback, BeforeTestExecutionCallback {
        static final List<Long> WAITS = new CopyOnWriteArrayList<>();
        private static volatile long start;

        @Override
        public void beforeEach(ExtensionContext context) {
            start = System.nanoTime();
        }

        @Override
        public void beforeTestExecution(ExtensionContext context) {
            WAITS.add(System.nanoTime() - start);
        }
    }
}

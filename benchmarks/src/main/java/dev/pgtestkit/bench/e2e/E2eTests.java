package dev.pgtestkit.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.junit.Isolation;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The test classes {@link LauncherBenchmark} runs through the JUnit platform launcher: the same body (insert a row,
 * count the rows) as a user writes it with pgtestkit (the injected DataSource, one connection per statement group)
 * and as the best bare test a user could write (one connection per class, {@code BEGIN ... ROLLBACK} per test).
 */
final class E2eTests {

    static final int REPETITIONS = 300;
    /** Fewer for a database per test: each test waits for a clone, and the round must stay short. */
    static final int PER_TEST_REPETITIONS = 60;
    static final String PLAIN = "classpath:db/bench-e2e";
    static final String DEFERRED = "classpath:db/bench-e2e-deferred";

    private E2eTests() {
    }

    static void insertAndCount(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jobs (user_id) VALUES (?)")) {
            insert.setString(1, "u");
            insert.executeUpdate();
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM jobs");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            assertTrue(rows.getLong(1) >= 1);
        }
    }

    /** pgtestkit's default path: {@code @PgTest} + {@code @WithTransaction}, the injected DataSource. */
    @PgTest(migrations = PLAIN)
    @WithTransaction
    static class WithTransactionTest {
        @RepeatedTest(REPETITIONS)
        void insertAndCount(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                E2eTests.insertAndCount(connection);
            }
        }
    }

    /** The same with a database of its own per test ({@code DATABASE_PER_TEST}): a clone handed out per test. */
    @PgTest(migrations = PLAIN, isolation = Isolation.DATABASE_PER_TEST)
    @WithTransaction
    static class WithTransactionPerTestDatabaseTest {
        @RepeatedTest(PER_TEST_REPETITIONS)
        void insertAndCount(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                E2eTests.insertAndCount(connection);
            }
        }
    }

    /**
     * The baseline of {@code DATABASE_PER_TEST}, as a user writes it without pgtestkit's pool: before each test a
     * database cloned from the same template ({@code CREATE DATABASE … TEMPLATE}, the server's default strategy) and
     * one connection to it, {@code BEGIN ... ROLLBACK}, after it the connection closed and the database dropped.
     */
    static class BarePerTestDatabaseTest {
        private static final AtomicInteger NAMES = new AtomicInteger();
        private static DatabaseTemplate template;
        private static Connection admin;
        private String name;
        private Connection connection;

        @BeforeAll
        static void openAdmin() {
            template = DatabaseTemplate.builder(PostgresProvider.auto().shared()).flywayLocations(PLAIN).build();
            admin = template.server().connect(template.server().adminDatabase());
        }

        @AfterAll
        static void closeAdmin() throws SQLException {
            admin.close();
        }

        @BeforeEach
        void createDatabase() throws SQLException {
            name = "bench_bare_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " TEMPLATE " + Identifiers.quote(template.name()));
            }
            connection = template.server().connect(name);
            connection.setAutoCommit(false);
        }

        @AfterEach
        void dropDatabase() throws SQLException {
            connection.close();
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE " + name);
            }
        }

        @RepeatedTest(PER_TEST_REPETITIONS)
        void insertAndCount() throws SQLException {
            try {
                E2eTests.insertAndCount(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    /** The same with a deferrable foreign key, which the extension checks at the end of each test. */
    @PgTest(migrations = DEFERRED)
    @WithTransaction
    static class WithTransactionDeferredTest {
        @RepeatedTest(REPETITIONS)
        void insertAndCount(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                E2eTests.insertAndCount(connection);
            }
        }
    }

    /** The baseline: one plain connection for the class, {@code BEGIN ... ROLLBACK} per test. */
    abstract static class BareTest {
        private static DisposableDatabase database;
        private static Connection connection;

        static void open(String location) throws SQLException {
            database = DatabaseTemplate.builder(PostgresProvider.auto().shared()).flywayLocations(location).build()
                    .checkout();
            connection = database.dataSource().getConnection();
            connection.setAutoCommit(false);
        }

        @AfterAll
        static void close() throws SQLException {
            connection.close();
            database.close();
        }

        @RepeatedTest(REPETITIONS)
        void insertAndCount() throws SQLException {
            try {
                E2eTests.insertAndCount(connection);
            } finally {
                end(connection);
            }
        }

        void end(Connection connection) throws SQLException {
            connection.rollback();
        }
    }

    static class BarePlainTest extends BareTest {
        @BeforeAll
        static void open() throws SQLException {
            open(PLAIN);
        }
    }

    static class BareDeferredTest extends BareTest {
        @BeforeAll
        static void open() throws SQLException {
            open(DEFERRED);
        }
    }

    /**
     * The deferrable-FK baseline doing the check pgtestkit does at a test's end (the bare test's ROLLBACK never runs
     * the deferred foreign-key check a COMMIT would): {@code SET CONSTRAINTS ALL IMMEDIATE} and the rollback in one
     * round trip, the cheapest way a user can have it.
     */
    static class BareDeferredCheckedTest extends BareTest {
        @BeforeAll
        static void open() throws SQLException {
            open(DEFERRED);
        }

        @Override
        void end(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET CONSTRAINTS ALL IMMEDIATE; ROLLBACK");
            }
        }
    }
}

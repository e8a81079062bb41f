package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Parallel mode with many tests writing the same rows: each sees only its own writes, whether it has a transaction
 * of its own, shares its class's transaction, or has a database of its own. Two of the tests meet at a barrier, so
 * the run proves that tests with open transactions really overlapped.
 */
class ParallelIT {

    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    /** Threads that ran tests of the class transaction fixture (tests, not the extension, may keep statics). */
    private static final Set<String> CLASS_TRANSACTION_THREADS = ConcurrentHashMap.newKeySet();
    /** The first two tests with own transactions wait for each other: they pass only if they run at once. */
    private static final CyclicBarrier FIRST_TWO = new CyclicBarrier(2);
    private static final AtomicInteger ARRIVED = new AtomicInteger();

    @Test
    void isolatesTestsWritingTheSameRowsInParallel() {
        var results = Engine.run(PARALLEL, OwnTransactions.class, SharedClassTransaction.class,
                OwnDatabases.class);
        assertThat(Engine.failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(55).succeeded(55));
        assertThat(CLASS_TRANSACTION_THREADS).hasSize(1);
    }

    /** Increments the shared counter and inserts the same account; both must look untouched before. */
    static void writeTheSameRows(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE counters SET value = value + 1 WHERE name = 'hits' RETURNING value");
             ResultSet rows = update.executeQuery()) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
            Sql.insertAccount(connection, "same@x.org");
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class OwnTransactions {
        @RepeatedTest(20)
        @WithTransaction
        void writes(DataSource dataSource) throws Exception {
            if (ARRIVED.getAndIncrement() < 2) {
                FIRST_TWO.await(30, TimeUnit.SECONDS); // both hold their pinned transactions open meanwhile
            }
            writeTheSameRows(dataSource);
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class SharedClassTransaction {
        @BeforeAll
        void fixture(DataSource dataSource) {
            Sql.insertAccount(dataSource, "fixture@x.org");
        }

        @RepeatedTest(15)
        void writes(DataSource dataSource) throws SQLException {
            CLASS_TRANSACTION_THREADS.add(Thread.currentThread().getName());
            writeTheSameRows(dataSource);
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(2);
        }

        @Nested
        class Deeper {
            @RepeatedTest(10)
            void writes(DataSource dataSource) throws SQLException {
                CLASS_TRANSACTION_THREADS.add(Thread.currentThread().getName());
                writeTheSameRows(dataSource);
            }
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION, isolation = Isolation.DATABASE_PER_TEST)
    static class OwnDatabases {
        @RepeatedTest(10)
        void writes(DataSource dataSource) throws SQLException {
            writeTheSameRows(dataSource);
        }
    }
}

package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.tx.ThreadPolicy;
import dev.pgtestkit.core.tx.TransactionIsolationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.Events;
import org.postgresql.PGConnection;

/** What a test transaction cannot isolate is detected and explained, and the next test still starts clean. */
class DetectionIT {

    @Test
    void failsATestThatLeavesADeferredForeignKeyViolated() {
        Events events = Engine.run(DeferredFixture.class).testEvents();
        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("leavesAnOrphanTransfer"), finishedWithFailure(
                instanceOf(QueryException.class), message(m -> m.contains("Deferred constraint "
                        + "\"transfers_account_id_fkey\" on table \"transfers\"") && m.contains("(account_id)=(777)")
                        && m.contains("A COMMIT would fail here")))));
    }

    @Test
    void failsEveryTestWhenClassFixturesViolateADeferredConstraint() {
        Events events = Engine.run(FixtureViolationFixture.class).testEvents();
        events.assertStatistics(s -> s.started(1).failed(1));
        events.assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.contains(
                "the data the fixtures of class FixtureViolationFixture left"))));
    }

    @Test
    void explainsStatementsThatCannotRunInATransaction() {
        Engine.assertAllPass(2, NotInTransactionFixture.class);
    }

    @Test
    void failsATestThatLeavesAnotherSessionOpen() {
        Events events = Engine.run(OtherSessionFixture.class).testEvents();
        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("leavesADirectConnectionOpen"), finishedWithFailure(
                instanceOf(TransactionIsolationException.class), message(m -> m.contains("1 other session(s) open")
                        && m.contains("application_name 'direct-connection'")
                        && m.contains("isolation = Isolation.DATABASE_PER_TEST")))));
    }

    @Test
    void checksSpacedTestsByDefaultAndEveryTestOnRequest() {
        Events spaced = Engine.run(SpacedCheckFixture.class).testEvents();
        spaced.assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        spaced.assertThatEvents().haveExactly(1, event(test("fourthIsChecked"), finishedWithFailure(
                message(m -> m.contains("1 other session(s) open")))));
        Events everyTest = Engine.run(EveryTestCheckFixture.class).testEvents();
        everyTest.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        everyTest.assertThatEvents().haveExactly(1, event(test("opensAndLeaves"), finishedWithFailure(
                message(m -> m.contains("1 other session(s) open")))));
    }

    /**
     * A connection that bypassed the test's DataSource, committed and was closed before the test ended fails that test
     * (or, when its backend reported the commit only after the test ended, the next test's start, naming it).
     */
    @Test
    void blamesCommitsOfAClosedConnectionOnTheTestThatMadeThem() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.pgtestkit.core.PostgresProvider.auto().shared().versionNum()
                >= 150000, "commit counters are up to date from PostgreSQL 15");
        Events events = Engine.run(CommitLeakFixture.class).testEvents();
        events.assertStatistics(s -> s.started(4).failed(1));
        events.assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(TransactionIsolationException.class),
                message(m -> m.contains("CommitLeakFixture > thirdCommitsAndCloses(")
                        && m.contains("were committed on database"))));
    }

    @Test
    void serialisesOrRefusesOtherThreads() {
        Engine.assertAllPass(3, ThreadFixture.class);
    }

    @Test
    void detectsATransactionCommittedBehindItsBack() {
        Events events = Engine.run(BehindTheBackFixture.class).testEvents();
        events.assertStatistics(s -> s.started(1).failed(1));
        events.assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(TransactionIsolationException.class),
                message(m -> m.contains("was ended by something other than pgtestkit"))));
    }

    @Test
    void explainsWithTransactionWithoutPgTest() {
        Engine.run(NoPgTestFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(container(
                "NoPgTestFixture"), finishedWithFailure(message(m -> m.contains("uses @WithTransaction but has no "
                + "@PgTest")))));
    }

    @Test
    void aClassWithoutPgTestIsAConfigurationError() {
        Engine.run(NoPgTestFixture.class).containerEvents().assertThatEvents().haveExactly(1, event(container(
                "NoPgTestFixture"), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("Add @PgTest(migrations = \"classpath:db/migration\")")))));
    }

    @Test
    void databasePerTestRunsWhatATransactionCannot() {
        Engine.assertAllPass(2, DatabasePerTestFixture.class);
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DeferredFixture {
        @Test
        @Order(1)
        void leavesAnOrphanTransfer(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO transfers (account_id, amount) VALUES (777, 5)");
            }
        }

        @Test
        @Order(2)
        void nextTestSeesNoTransfer(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "transfers")).isZero();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class FixtureViolationFixture {
        @BeforeAll
        void orphanFixture(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO transfers (account_id, amount) VALUES (888, 5)");
            }
        }

        @Test
        void neverRuns() {
            throw new AssertionError("the fixture check should have failed first");
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    static class NotInTransactionFixture {
        @Test
        void refusesVacuumAndCreateDatabase(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("VACUUM ANALYZE accounts"))
                        .isInstanceOf(TransactionIsolationException.class)
                        .hasMessageContaining("VACUUM cannot run inside the test transaction of @WithTransaction")
                        .hasMessageContaining("@PgTest(isolation = Isolation.DATABASE_PER_TEST)");
                assertThatThrownBy(() -> statement.execute("/* setup */ create database other"))
                        .hasMessageStartingWith("CREATE DATABASE cannot run");
                assertThat(Sql.count(connection, "accounts")).isZero();
            }
        }

        @Test
        void refusesConcurrentIndexBuildsWhenPrepared(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertThatThrownBy(() -> connection.prepareStatement(
                        "CREATE UNIQUE INDEX CONCURRENTLY balance_idx ON accounts (balance)"))
                        .hasMessageStartingWith("CREATE INDEX CONCURRENTLY cannot run");
            }
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OtherSessionFixture {
        private Connection direct;

        @Test
        @Order(1)
        void leavesADirectConnectionOpen(DisposableDatabase database) throws SQLException {
            direct = database.connect();
            direct.setClientInfo("ApplicationName", "direct-connection");
        }

        @Test
        @Order(2)
        void passesOnceItIsClosed(DataSource dataSource) throws SQLException {
            direct.close();
            assertThat(Sql.count(dataSource, "accounts")).isZero();
        }

        @AfterAll
        void closeDirect() throws SQLException {
            direct.close();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SpacedCheckFixture {
        private Connection direct;

        @Test
        @Order(1)
        void first() {
        }

        @Test
        @Order(2)
        void second() {
        }

        @Test
        @Order(3)
        void thirdIsNotCheckedAndLeavesASession(DisposableDatabase database) {
            direct = database.connect();
        }

        @Test
        @Order(4)
        void fourthIsChecked() {
        }

        @AfterAll
        void closeDirect() throws SQLException {
            direct.close();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CommitLeakFixture {
        @Test
        @Order(1)
        void first() {
        }

        @Test
        @Order(2)
        void second() {
        }

        @Test
        @Order(3)
        void thirdCommitsAndCloses(DisposableDatabase database) throws SQLException {
            try (Connection direct = database.connect(); Statement statement = direct.createStatement()) {
                statement.executeUpdate("INSERT INTO accounts (email) VALUES ('leak@x.org')");
            }
        }

        @Test
        @Order(4)
        void fourth() {
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction(otherSessions = SessionCheck.EVERY_TEST)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EveryTestCheckFixture {
        private Connection direct;

        @Test
        @Order(1)
        void first() {
        }

        @Test
        @Order(2)
        void opensAndLeaves(DisposableDatabase database) {
            direct = database.connect();
        }

        @AfterAll
        void closeDirect() throws SQLException {
            direct.close();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class ThreadFixture {
        /**
         * Two threads issue statements on the test's pinned connection at the same time: the first one's statement
         * waits on the server for a lock a session outside holds, and meanwhile the second thread's statement waits
         * in pgtestkit for its turn (it is parked there, and has not run); once the lock is released both complete.
         */
        @Test
        @WithTransaction
        void twoThreadsIssuingStatementsAtOnceTakeTurns(DataSource dataSource, DisposableDatabase database)
                throws Exception {
            try (Connection outside = database.connect()) {
                outside.setAutoCommit(false); // rolled back: it commits nothing the commit check would count
                execute(outside, "SELECT pg_advisory_xact_lock(4711)");
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> execute(dataSource,
                        "SELECT pg_advisory_xact_lock(4711)"));
                awaitLockWaiter(outside, 4711);
                CompletableFuture<Long> second = new CompletableFuture<>();
                Thread secondThread = new Thread(() -> {
                    try {
                        second.complete(Sql.insertAccount(dataSource, "second@x.org"));
                    } catch (RuntimeException e) {
                        second.completeExceptionally(e);
                    }
                }, "second");
                secondThread.start();
                awaitParkedInPgtestkit(secondThread);
                assertThat(first).as("the first statement still holds the connection").isNotDone();
                assertThat(second).as("the second statement has not run meanwhile").isNotDone();
                outside.rollback();
                first.get(30, TimeUnit.SECONDS);
                assertThat(second.get(30, TimeUnit.SECONDS)).isPositive();
            }
            assertThat(Sql.emails(dataSource)).isEqualTo("second@x.org");
        }

        @Test
        @WithTransaction(threadWaitSeconds = 1)
        void anotherThreadWaitsForAnOpenTransactionThenExplains(DataSource dataSource) throws Exception {
            try (Connection mine = dataSource.getConnection()) {
                mine.setAutoCommit(false);
                Sql.insertAccount(mine, "mine@x.org");
                CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
                    try (Connection theirs = dataSource.getConnection()) {
                        theirs.setAutoCommit(false);
                        Sql.insertAccount(theirs, "theirs@x.org");
                        theirs.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThatThrownBy(() -> worker.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .rootCause() // the measured wait, at least the 1 s allowed
                        .hasMessageMatching("(?s).*waited [1-9]\\d{3} ms for the test transaction's pinned connection.*");
                mine.commit();
            }
        }

        @Test
        @WithTransaction(threads = ThreadPolicy.OWNER_ONLY)
        void ownerOnlyRefusesOtherThreads(DataSource dataSource) {
            CompletableFuture<Long> worker = CompletableFuture.supplyAsync(() -> Sql.count(dataSource, "accounts"));
            assertThatThrownBy(() -> worker.get(10, TimeUnit.SECONDS)).rootCause()
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("allows only the test's thread");
        }
    }

    static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until a session waits for the advisory lock (pg_locks is read live, also inside a transaction). */
    static void awaitLockWaiter(Connection connection, long key) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                         + " AND objid = " + key + " AND NOT granted")) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new AssertionError("no session waited for advisory lock " + key);
    }

    /** Until the thread is parked inside pgtestkit's transaction engine (waiting for the pinned connection). */
    static void awaitParkedInPgtestkit(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && thread.isAlive()) {
            if (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING) {
                for (StackTraceElement frame : thread.getStackTrace()) {
                    if (frame.getClassName().startsWith("dev.pgtestkit.core.tx.internal.")) {
                        return;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new AssertionError("thread " + thread.getName() + " never waited for the pinned connection (alive: "
                + thread.isAlive() + ")");
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class BehindTheBackFixture {
        @Test
        @WithTransaction
        void commitsThroughThePhysicalConnection(Connection connection) throws SQLException {
            Sql.insertAccount(connection, "leaked@x.org");
            ((Connection) connection.unwrap(PGConnection.class)).commit();
        }
    }

    @WithTransaction
    static class NoPgTestFixture {
        @Test
        void neverRuns() {
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION, isolation = Isolation.DATABASE_PER_TEST)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DatabasePerTestFixture {
        @Test
        @Order(1)
        void vacuumsAndIndexesConcurrently(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO accounts (email) VALUES ('committed@x.org')");
                statement.execute("VACUUM ANALYZE accounts");
                statement.execute("CREATE INDEX CONCURRENTLY balance_idx ON accounts (balance)");
            }
        }

        @Test
        @Order(2)
        void getsAFreshDatabase(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isZero();
        }
    }
}

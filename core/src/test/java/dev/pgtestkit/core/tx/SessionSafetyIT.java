package dev.pgtestkit.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.core.BaseConnection;

/**
 * Nothing a test does reaches the next test on the same session, a transaction committed behind pgtestkit's back is
 * recognised by its identity, and commits of other sessions are blamed on the test during which they happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSafetyIT {

    private static final TransactionSettings CHECKED = TransactionSettings.defaults();

    private DisposableDatabase database;

    @BeforeAll
    void cloneDatabase() {
        database = DatabaseTemplate.builder(PostgresProvider.auto().shared()).flywayLocations("classpath:db/accounts")
                .build().checkout();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @AfterEach
    void removeLeakedRows() throws SQLException {
        try (Connection direct = database.connect(); Statement statement = direct.createStatement()) {
            statement.execute("DELETE FROM accounts");
        }
    }

    @Test
    void preparedStatementsAdvisoryLocksAndCurrvalDoNotReachTheNextTest() throws SQLException {
        try (TestTransactions transactions = TestTransactions.on(database)) {
            int firstPid;
            try (TestTransaction first = transactions.begin(CHECKED.withDetectOtherSessions(false), "first")) {
                try (Connection connection = first.connection(); Statement statement = connection.createStatement()) {
                    firstPid = pid(statement);
                    statement.execute("PREPARE p AS SELECT 1");
                    statement.execute("SELECT pg_advisory_lock(4242)");
                    statement.execute("INSERT INTO accounts (email) VALUES ('seq@example.com')");
                }
            }
            try (TestTransaction second = transactions.begin(CHECKED.withDetectOtherSessions(false), "second");
                 Connection connection = second.connection(); Statement statement = connection.createStatement()) {
                assertThat(pid(statement)).as("the same session serves the next test").isEqualTo(firstPid);
                statement.execute("PREPARE p AS SELECT 2");
                assertThat(lockFreeForOthers(4242)).isTrue();
                assertThatThrownBy(() -> statement.execute("SELECT lastval()")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("lastval is not yet defined");
            }
        }
    }

    @Test
    void sessionStateOfATestDoesNotReachTheNextTestOfAClassLevel() throws SQLException {
        try (TestTransactions transactions = TestTransactions.on(database);
             TestLevel level = TestLevel.top(transactions.begin(CHECKED, "class Level"), "Level")) {
            level.beginTest(CHECKED, "Level > first");
            try (Connection connection = level.transaction().connection();
                 Statement statement = connection.createStatement()) {
                statement.execute("PREPARE p AS SELECT 1");
                statement.execute("SELECT pg_advisory_lock(4343)");
            }
            level.endTest("Level > first");
            level.beginTest(CHECKED, "Level > second");
            try (Connection connection = level.transaction().connection();
                 Statement statement = connection.createStatement()) {
                statement.execute("PREPARE p AS SELECT 2");
                assertThat(lockFreeForOthers(4343)).isTrue();
            }
            level.endTest("Level > second");
        }
    }

    @Test
    void aCommitBehindTheBackFollowedByAnotherStatementIsDetected() throws SQLException {
        try (TestTransactions transactions = TestTransactions.on(database)) {
            TestTransaction tx = transactions.begin(CHECKED.withDetectCommits(false), "sneaky");
            try (Connection connection = tx.connection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO accounts (email) VALUES ('sneaky@example.com')");
                connection.unwrap(BaseConnection.class).commit();
                statement.execute("SELECT 1");
            }
            assertThatThrownBy(tx::close).isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("test sneaky")
                    .hasMessageContaining("was ended by something other than pgtestkit");
            assertThat(tx.isOpen()).isFalse();
        }
    }

    @Test
    void aCommitHiddenBehindABackslashIsRefusedWhenStringsAreNotStandard() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database);
             Connection connection = tx.connection(); Statement statement = connection.createStatement()) {
            statement.execute("SET standard_conforming_strings = off");
            assertThatThrownBy(() -> statement.execute("SELECT 'a\\''; COMMIT; SELECT 1 -- '"))
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageStartingWith("COMMIT inside a multi-statement string");
            statement.execute("INSERT INTO accounts (email) VALUES ('kept-in-tx@example.com')");
        }
        assertThat(committedAccounts()).isZero();
    }

    @Test
    void commitsOfAConnectionClosedBeforeTheEndFailThatTest() throws SQLException {
        assumeThat(serverMajor()).as("commit counters are up to date from PostgreSQL 15").isGreaterThanOrEqualTo(15);
        try (TestTransactions transactions = TestTransactions.on(database)) {
            TestTransaction tx = transactions.begin(CHECKED.withDetectOtherSessions(false), "LeakTest > leaks");
            commitDirectly("leak@example.com");
            assertThatThrownBy(tx::close).isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining(" row(s) were committed on database '" + database.name() + "'")
                    .hasMessageContaining("since LeakTest > leaks began")
                    .hasMessageContaining("Give the code under test the DataSource");
            try (TestTransaction next = transactions.begin(CHECKED, "LeakTest > innocent")) {
                next.execute("SELECT 1");
            }
        }
    }

    /**
     * After clean tests the check reads only the database's totals, and takes the table counts over from its last full
     * reading while those do not move: a connection that commits and closes during a later test must still fail it,
     * with test transactions of their own and in a class's shared transaction alike.
     */
    @Test
    void commitsAfterManyCleanTestsStillFailTheTestDuringWhichTheyHappened() throws SQLException {
        assumeThat(serverMajor()).as("commit counters are up to date from PostgreSQL 15").isGreaterThanOrEqualTo(15);
        TransactionSettings checked = CHECKED.withDetectOtherSessions(false);
        try (TestTransactions transactions = TestTransactions.on(database)) {
            for (int i = 0; i < 20; i++) {
                try (TestTransaction clean = transactions.begin(checked, "Clean > test " + i)) {
                    clean.execute("INSERT INTO accounts (email) VALUES ('rolled-back-" + i + "@example.com')");
                }
            }
            TestTransaction tx = transactions.begin(checked, "LateLeak > leaks");
            commitDirectly("late-leak@example.com");
            assertThatThrownBy(tx::close).isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining(" row(s) were committed on database '" + database.name() + "'")
                    .hasMessageContaining("since LateLeak > leaks began");
        }
        try (TestTransactions transactions = TestTransactions.on(database);
             TestLevel level = TestLevel.top(transactions.begin(checked, "class Shared"), "Shared")) {
            for (int i = 0; i < 20; i++) {
                level.beginTest(checked, "Shared > clean " + i);
                level.transaction().execute("INSERT INTO accounts (email) VALUES ('shared-" + i + "@example.com')");
                level.endTest("Shared > clean " + i);
            }
            level.beginTest(checked, "Shared > leaks");
            commitDirectly("shared-leak@example.com");
            assertThatThrownBy(() -> level.endTest("Shared > leaks"))
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("since test Shared > clean 19 ended");
        }
    }

    /**
     * After clean tests the end reads only the database's totals and skips the list of sessions, which the totals vouch
     * for: a session that connects during a later test and stays must still fail that test, and every test after it
     * while it stays, and none once it has gone.
     */
    @Test
    void aSessionLeftOpenAfterCleanTestsFailsThatTestAndTheNextWhileItStays() throws SQLException {
        assumeThat(serverMajor()).as("commit counters are up to date from PostgreSQL 15").isGreaterThanOrEqualTo(15);
        try (TestTransactions transactions = TestTransactions.on(database);
             TestLevel level = TestLevel.top(transactions.begin(CHECKED, "class Open"), "Open")) {
            for (int i = 0; i < 5; i++) {
                level.beginTest(CHECKED, "Open > clean " + i);
                level.transaction().execute("SELECT count(*) FROM accounts");
                level.endTest("Open > clean " + i);
            }
            Connection leaked = database.connect();
            try {
                leaked.setClientInfo("ApplicationName", "left-open");
                level.beginTest(CHECKED, "Open > leaves");
                assertThatThrownBy(() -> level.endTest("Open > leaves")).isInstanceOf(TransactionIsolationException.class)
                        .hasMessageContaining("1 other session(s) open").hasMessageContaining("'left-open'");
                level.beginTest(CHECKED, "Open > after");
                assertThatThrownBy(() -> level.endTest("Open > after")).isInstanceOf(TransactionIsolationException.class)
                        .hasMessageContaining("1 other session(s) open").hasMessageContaining("'left-open'");
            } finally {
                leaked.close();
            }
            level.beginTest(CHECKED, "Open > gone");
            level.endTest("Open > gone");
        }
    }

    @Test
    void sessionsPgtestkitOpensWhileATestRunsAreNotCommitsOfOthers() throws SQLException {
        assumeThat(serverMajor()).as("commit counters are up to date from PostgreSQL 15").isGreaterThanOrEqualTo(15);
        try (TestTransactions transactions = TestTransactions.on(database);
             TestTransaction running = transactions.begin(CHECKED, "Parallel > first")) {
            for (int i = 0; i < 3; i++) { // each needs a session of its own: the pool opens one while the first runs
                try (TestTransaction second = transactions.begin(CHECKED, "Parallel > second " + i);
                     TestTransaction third = transactions.begin(CHECKED, "Parallel > third " + i)) {
                    second.execute("SELECT 1");
                    third.execute("SELECT 1");
                }
            }
            running.execute("SELECT 1");
        }
    }

    /**
     * A session that commits without writing (reads in auto-commit, or autovacuum visiting the database: both move
     * pg_stat_database.xact_commit) leaks nothing, and fails no test.
     */
    @Test
    void commitsThatWriteNothingAreNoLeak() throws SQLException {
        assumeThat(serverMajor()).as("commit counters are up to date from PostgreSQL 15").isGreaterThanOrEqualTo(15);
        try (TestTransactions transactions = TestTransactions.on(database)) {
            TestTransaction tx = transactions.begin(CHECKED.withDetectOtherSessions(false), "ReadTest > reads");
            try (Connection direct = database.connect(); Statement statement = direct.createStatement()) {
                statement.execute("SELECT count(*) FROM accounts");
            }
            tx.close();
        }
    }

    @Test
    void commitsBetweenTwoTestsAreBlamedOnTheEarlierOne() throws SQLException {
        assumeThat(serverMajor()).as("commit counters are up to date from PostgreSQL 15").isGreaterThanOrEqualTo(15);
        try (TestTransactions transactions = TestTransactions.on(database)) {
            transactions.begin(CHECKED, "GapTest > culprit").close();
            commitDirectly("late@example.com"); // as a session the culprit closed reports its commit when it exits
            assertThatThrownBy(() -> transactions.begin(CHECKED, "GapTest > next"))
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("since test GapTest > culprit ended")
                    .hasMessageContaining("before test GapTest > next began");
            transactions.forgetCommits();
            transactions.begin(CHECKED, "GapTest > afterAFreshStart").close();
        }
    }

    /**
     * The usual end of a test reads the database's totals alone (by the database's OID) and takes the counts from the
     * first test's full reading: quiet tests read the counts once, not at every begin and end.
     */
    @Test
    void quietTestsReadTheCountsOnce() {
        assumeThat(database.server().versionNum()).as("the commit check needs PostgreSQL 15").isGreaterThanOrEqualTo(150000);
        try (TestTransactions transactions = TestTransactions.on(database)) {
            for (int i = 0; i < 20; i++) {
                try (TestTransaction tx = transactions.begin(CHECKED, "Quiet > test" + i)) {
                    tx.execute("SELECT count(*) FROM accounts");
                }
            }
            assertThat(transactions.commitWatch().fullReadings()).as("full readings in 20 quiet tests").isEqualTo(1);
        }
    }

    @Test
    void aClassLevelWhoseSessionWasTerminatedFailsTheRestWithOneExplanation() throws SQLException {
        try (TestTransactions transactions = TestTransactions.on(database);
             TestLevel level = TestLevel.top(transactions.begin(CHECKED, "class Doomed"), "Doomed")) {
            level.beginTest(CHECKED, "Doomed > terminated");
            int pid;
            try (Connection connection = level.transaction().connection();
                 Statement statement = connection.createStatement()) {
                pid = pid(statement);
            }
            try (Connection admin = database.server().connect(database.server().adminDatabase());
                 Statement statement = admin.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(" + pid + ", 5000)");
            }
            assertThatThrownBy(() -> level.endTest("Doomed > terminated"))
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("was closed while the test ran")
                    .hasMessageContaining("pg_terminate_backend()");
            assertThatThrownBy(() -> level.beginTest(CHECKED, "Doomed > next"))
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("Test Doomed > next cannot run")
                    .hasMessageContaining("in test Doomed > terminated");
        }
    }

    @Test
    void aClassLevelCommittedBehindItsBackFailsTheRestWithOneExplanation() throws SQLException {
        try (TestTransactions transactions = TestTransactions.on(database);
             TestLevel level = TestLevel.top(transactions.begin(CHECKED.withDetectCommits(false), "class Leaky"),
                     "Leaky")) {
            level.beginTest(CHECKED.withDetectCommits(false), "Leaky > commits");
            try (Connection connection = level.transaction().connection();
                 Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO accounts (email) VALUES ('leaky@example.com')");
                connection.unwrap(BaseConnection.class).commit();
                statement.execute("SELECT 1");
            }
            assertThatThrownBy(() -> level.endTest("Leaky > commits"))
                    .hasMessageContaining("was ended by something other than pgtestkit");
            assertThatThrownBy(() -> level.beginTest(CHECKED, "Leaky > next"))
                    .hasMessageContaining("Test Leaky > next cannot run")
                    .hasMessageContaining("the transaction that Leaky's tests share");
        }
    }

    /**
     * Commits on a connection of its own and closes it, without waiting: its backend reports the commit as it exits, a
     * moment after close() returned, and the check must count it all the same.
     */
    private void commitDirectly(String email) throws SQLException {
        try (Connection direct = database.connect(); Statement statement = direct.createStatement()) {
            statement.execute("INSERT INTO accounts (email) VALUES ('" + email + "')");
        }
    }

    private boolean lockFreeForOthers(long key) throws SQLException {
        try (Connection other = database.server().connect(database.server().adminDatabase());
             Statement statement = other.createStatement();
             ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = "
                     + "'advisory' AND objid = " + key + " AND database = (SELECT oid FROM pg_database WHERE datname"
                     + " = '" + database.name() + "'))")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private int serverMajor() throws SQLException {
        try (Connection direct = database.server().connect(database.server().adminDatabase())) {
            return direct.getMetaData().getDatabaseMajorVersion();
        }
    }

    private long committedAccounts() throws SQLException {
        try (Connection direct = database.connect(); Statement statement = direct.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM accounts")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int pid(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

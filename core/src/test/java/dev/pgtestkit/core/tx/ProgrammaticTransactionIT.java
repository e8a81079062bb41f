package dev.pgtestkit.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.QueryException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The programmatic test transaction against a real database: what commits, rollbacks and savepoints become. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammaticTransactionIT {

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

    @Test
    void rollsBackWritesOfCodeThatCommits() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database)) {
            try (Connection code = tx.dataSource().getConnection()) {
                code.setAutoCommit(false);
                insertAccount(code, "a@example.com");
                code.commit();
            }
            assertThat(count(tx, "accounts")).isEqualTo(1);
        }
        assertThat(committedAccounts()).isZero();
    }

    @Test
    void rollbackOfTheCodeUndoesOnlyItsOwnWork() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database)) {
            tx.execute("INSERT INTO accounts (email) VALUES (?)", "kept@example.com");
            try (Connection code = tx.dataSource().getConnection()) {
                code.setAutoCommit(false);
                insertAccount(code, "undone@example.com");
                code.rollback();
                insertAccount(code, "second@example.com");
                code.commit();
            }
            assertThat(emails(tx)).isEqualTo("kept@example.com,second@example.com");
        }
    }

    @Test
    void closeAndAutoCommitDoNotEndTheTestTransaction() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database)) {
            try (Connection code = tx.dataSource().getConnection()) {
                code.setAutoCommit(false);
                insertAccount(code, "committed-by-autocommit@example.com");
                code.setAutoCommit(true);
                code.setAutoCommit(false);
                insertAccount(code, "lost-on-close@example.com");
            }
            assertThat(emails(tx)).isEqualTo("committed-by-autocommit@example.com");
        }
        assertThat(committedAccounts()).isZero();
    }

    @Test
    void namedSavepointsRollBackAndRelease() {
        try (TestTransaction tx = TestTransaction.begin(database)) {
            tx.savepoint("before_changes");
            tx.execute("INSERT INTO accounts (email) VALUES (?)", "x@example.com");
            tx.rollbackTo("before_changes");
            assertThat(count(tx, "accounts")).isZero();
            tx.execute("INSERT INTO accounts (email) VALUES (?)", "y@example.com");
            tx.release("before_changes");
            assertThat(tx.savepoints()).doesNotContain("before_changes");
            assertThat(count(tx, "accounts")).isEqualTo(1);
            assertThatThrownBy(() -> tx.rollbackTo("before_changes"))
                    .hasMessageContaining("Savepoint 'before_changes' is not open")
                    .hasMessageContaining("savepoint(\"before_changes\")");
        }
    }

    @Test
    void failingStatementDoesNotAbortTheTransactionWithStatementSavepoints() throws SQLException {
        try (TestTransaction tx = TestTransaction.builder(database).statementSavepoints(true).begin();
             Connection code = tx.connection()) {
            insertAccount(code, "dup@example.com");
            assertThatThrownBy(() -> insertAccount(code, "dup@example.com")).hasMessageContaining("accounts_email_key");
            insertAccount(code, "next@example.com");
            assertThat(count(tx, "accounts")).isEqualTo(2);
        }
    }

    @Test
    void explainsTheAbortedTransactionAfterAFailingStatementByDefault() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection code = tx.connection()) {
            insertAccount(code, "dup@example.com");
            assertThatThrownBy(() -> insertAccount(code, "dup@example.com")).hasMessageContaining("accounts_email_key");
            assertThatThrownBy(() -> insertAccount(code, "next@example.com")).isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("Current transaction is aborted: an earlier statement failed")
                    .hasMessageContaining("@WithTransaction(statementSavepoints = true)");
        }
    }

    @Test
    void rollbackOfTheCodeRecoversFromAFailedStatementInItsTransaction() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection code = tx.connection()) {
            insertAccount(code, "kept@example.com");
            code.setAutoCommit(false);
            insertAccount(code, "again@example.com");
            assertThatThrownBy(() -> insertAccount(code, "kept@example.com")).hasMessageContaining("accounts_email_key");
            code.rollback();
            insertAccount(code, "after@example.com");
            code.commit();
            assertThat(emails(tx)).isEqualTo("kept@example.com,after@example.com");
        }
    }

    @Test
    void sqlTransactionControlBecomesSavepoints() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database);
             Connection code = tx.connection(); Statement statement = code.createStatement()) {
            statement.execute("BEGIN");
            statement.executeUpdate("INSERT INTO accounts (email) VALUES ('rolled@example.com')");
            statement.execute("ROLLBACK");
            statement.execute("START TRANSACTION");
            statement.executeUpdate("INSERT INTO accounts (email) VALUES ('kept@example.com')");
            statement.execute("COMMIT");
            assertThat(emails(tx)).isEqualTo("kept@example.com");
        }
        assertThat(committedAccounts()).isZero();
    }

    @Test
    void refusesStatementsThatCannotRunInATransaction() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database);
             Connection code = tx.connection(); Statement statement = code.createStatement()) {
            assertThatThrownBy(() -> statement.execute("vacuum accounts"))
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageStartingWith("VACUUM cannot run inside the test transaction")
                    .hasMessageContaining("isolation = Isolation.DATABASE_PER_TEST");
            assertThatThrownBy(() -> code.prepareStatement("CREATE INDEX CONCURRENTLY i ON accounts (balance)"))
                    .hasMessageStartingWith("CREATE INDEX CONCURRENTLY cannot run");
            assertThatThrownBy(() -> statement.execute("SELECT 1; COMMIT"))
                    .hasMessageStartingWith("COMMIT inside a multi-statement string");
            insertAccount(code, "still-usable@example.com");
        }
    }

    @Test
    void deferredForeignKeyViolationFailsAtTheEnd() {
        TestTransaction tx = TestTransaction.begin(database);
        tx.execute("INSERT INTO transfers (account_id, amount) VALUES (?, ?)", 424242L, 10);
        assertThatThrownBy(tx::close)
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("\"transfers_account_id_fkey\" on table \"transfers\"")
                .hasMessageContaining("(account_id)=(424242)");
        assertThat(committedTransfers()).isZero();
    }

    @Test
    void resetsSequencesWhenAsked() throws SQLException {
        long first;
        try (TestTransaction tx = TestTransaction.builder(database).resetSequences(true).begin()) {
            first = insertReturningId(tx);
        }
        try (TestTransaction tx = TestTransaction.builder(database).resetSequences(true).begin()) {
            assertThat(insertReturningId(tx)).isEqualTo(first);
        }
        try (TestTransaction tx = TestTransaction.begin(database)) {
            assertThat(insertReturningId(tx)).isEqualTo(first);
            tx.execute("SELECT 1");
        }
        try (TestTransaction tx = TestTransaction.begin(database)) {
            assertThat(insertReturningId(tx)).isEqualTo(first + 1);
        }
    }

    @Test
    void ownerOnlyRefusesOtherThreads() {
        try (TestTransaction tx = TestTransaction.builder(database).threads(ThreadPolicy.OWNER_ONLY).begin()) {
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> count(tx, "accounts"));
            assertThatThrownBy(other::get).isInstanceOf(ExecutionException.class)
                    .hasRootCauseInstanceOf(TransactionIsolationException.class)
                    .rootCause().hasMessageContaining("threads = OWNER_ONLY");
        }
    }

    @Test
    void anotherThreadWaitsForAnOpenUnitThenExplains() throws Exception {
        try (TestTransaction tx = TestTransaction.builder(database).threadWait(Duration.ofMillis(300)).begin();
             Connection mine = tx.connection()) {
            mine.setAutoCommit(false);
            insertAccount(mine, "mine@example.com");
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> writeInOwnUnit(tx, "other@example.com"));
            assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
                    TransactionIsolationException.class).rootCause()
                    .hasMessageContaining("with a unit of work still open")
                    .satisfies(e -> assertThat(waitedMillis(e.getMessage())).isBetween(300L, 9_999L));
            mine.commit();
            CompletableFuture.runAsync(() -> writeInOwnUnit(tx, "later@example.com")).get(10, TimeUnit.SECONDS);
            assertThat(emails(tx)).isEqualTo("mine@example.com,later@example.com");
        }
    }

    @Test
    void anotherThreadsSingleStatementsRunInsideAnOpenUnitWithoutAbortingIt() throws Exception {
        try (TestTransaction tx = TestTransaction.begin(database); Connection mine = tx.connection()) {
            mine.setAutoCommit(false);
            insertAccount(mine, "mine@example.com");
            assertThat(CompletableFuture.supplyAsync(() -> count(tx, "accounts")).get(10, TimeUnit.SECONDS))
                    .isEqualTo(1);
            CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> tx.execute("SELECT 1 / 0"));
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasMessageContaining("division by zero");
            insertAccount(mine, "still-fine@example.com");
            mine.commit();
            assertThat(count(tx, "accounts")).isEqualTo(2);
        }
    }

    private static void writeInOwnUnit(TestTransaction tx, String email) {
        try (Connection connection = tx.connection()) {
            connection.setAutoCommit(false);
            insertAccount(connection, email);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesCommitsOutOfNestingOrder() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database);
             Connection outer = tx.connection(); Connection inner = tx.connection()) {
            outer.setAutoCommit(false);
            insertAccount(outer, "outer@example.com");
            inner.setAutoCommit(false);
            insertAccount(inner, "inner@example.com");
            assertThatThrownBy(outer::commit).isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("must end in reverse order");
            inner.commit();
            outer.commit();
            assertThat(count(tx, "accounts")).isEqualTo(2);
        }
    }

    @Test
    void detectsAnotherSessionLeftOpen() throws SQLException {
        TestTransaction tx = TestTransaction.builder(database).detectOtherSessions(true).begin();
        try (Connection direct = database.connect()) {
            direct.setClientInfo("ApplicationName", "leaky-pool");
            assertThatThrownBy(tx::close).isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("1 other session(s) open")
                    .hasMessageContaining("application_name 'leaky-pool'");
        }
    }

    private static void insertAccount(Connection connection, String email) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO accounts (email) VALUES (?)")) {
            statement.setString(1, email);
            statement.executeUpdate();
        }
    }

    private static long insertReturningId(TestTransaction tx) throws SQLException {
        try (Connection c = tx.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("INSERT INTO accounts (email) VALUES ('seq@example.com') RETURNING id")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int count(TestTransaction tx, String table) {
        try (Connection c = tx.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String emails(TestTransaction tx) throws SQLException {
        try (Connection c = tx.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT string_agg(email, ',' ORDER BY id) FROM accounts")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private int committedAccounts() {
        return committedCount("accounts");
    }

    private int committedTransfers() {
        return committedCount("transfers");
    }

    private int committedCount(String table) {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The wait the message reports, in milliseconds: it must be the measured wait, not a rounded-down timeout. */
    private static long waitedMillis(String message) {
        Matcher m = Pattern.compile("waited (\\d+) ms for").matcher(message);
        assertThat(m.find()).as("'waited N ms for' in: %s", message).isTrue();
        return Long.parseLong(m.group(1));
    }
}

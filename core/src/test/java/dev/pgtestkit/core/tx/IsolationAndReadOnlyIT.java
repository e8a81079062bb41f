package dev.pgtestkit.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Isolation levels and read-only mode asked for through the test transaction's connections are applied by the
 * server, or refused with an explanation; never recorded and ignored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationAndReadOnlyIT {

    private DatabaseTemplate template;
    private DisposableDatabase database;

    @BeforeAll
    void cloneDatabase() {
        template = DatabaseTemplate.builder(PostgresProvider.auto().shared()).flywayLocations("classpath:db/accounts")
                .build();
        database = template.checkout();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void beginsTheTransactionAtTheLevelAskedFor() throws SQLException {
        try (TestTransaction tx = TestTransaction.builder(database).isolationLevel(IsolationLevel.REPEATABLE_READ)
                .begin(); Connection code = tx.connection()) {
            assertThat(show(code, "transaction_isolation")).isEqualTo("repeatable read");
            assertThat(code.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(count(code)).isZero();
            commitAccountElsewhere("elsewhere@example.com");
            try {
                assertThat(count(code)).as("a repeatable read snapshot does not see later commits").isZero();
            } finally {
                deleteAccountElsewhere("elsewhere@example.com");
            }
        }
    }

    @Test
    void reportsTheServersDefaultLevelTruthfully() throws SQLException {
        try (DisposableDatabase serializableByDefault = template.checkout()) {
            try (Connection admin = serializableByDefault.connect(); Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE " + serializableByDefault.name()
                        + " SET default_transaction_isolation = 'serializable'");
            }
            try (TestTransaction tx = TestTransaction.begin(serializableByDefault); Connection code = tx.connection()) {
                assertThat(code.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
                assertThat(show(code, "transaction_isolation")).isEqualTo("serializable");
            }
        }
    }

    @Test
    void refusesAStrongerLevelThanTheTransactionRunsAt() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection code = tx.connection()) {
            assertThatThrownBy(() -> code.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
                    .isInstanceOf(TransactionIsolationException.class)
                    .hasMessageContaining("asked for isolation level SERIALIZABLE (setTransactionIsolation)")
                    .hasMessageContaining("runs at READ COMMITTED")
                    .hasMessageContaining("@WithTransaction(isolationLevel = IsolationLevel.SERIALIZABLE)");
            assertThat(code.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            try (Statement statement = code.createStatement()) {
                assertThatThrownBy(() -> statement.execute("BEGIN ISOLATION LEVEL REPEATABLE READ"))
                        .isInstanceOf(TransactionIsolationException.class)
                        .hasMessageContaining("asked for isolation level REPEATABLE READ (BEGIN ISOLATION LEVEL)");
                assertThatThrownBy(() -> statement.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
                        .isInstanceOf(TransactionIsolationException.class);
            }
        }
    }

    @Test
    void acceptsTheLevelItRunsAtOrAWeakerOneAndReportsTheRealOne() throws SQLException {
        try (TestTransaction tx = TestTransaction.builder(database).isolationLevel(IsolationLevel.SERIALIZABLE)
                .begin(); Connection code = tx.connection()) {
            code.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(code.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            code.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            code.setAutoCommit(false);
            insertAccount(code, "serializable@example.com");
            code.commit();
            assertThat(show(code, "transaction_isolation")).isEqualTo("serializable");
        }
    }

    @Test
    void aReadOnlyConnectionsTransactionCannotWrite() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection code = tx.connection()) {
            code.setReadOnly(true);
            code.setAutoCommit(false);
            assertThat(count(code)).isZero();
            assertThatThrownBy(() -> insertAccount(code, "ro@example.com")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction");
            code.rollback();
            assertThat(count(code)).isZero();
            code.commit();
            code.setAutoCommit(true);
            code.setReadOnly(false);
            insertAccount(code, "after@example.com");
            assertThat(count(code)).as("the test transaction is writable again").isEqualTo(1);
        }
    }

    @Test
    void theReadOnlyPropertyCannotChangeInTheMiddleOfATransaction() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection code = tx.connection()) {
            code.setAutoCommit(false);
            count(code);
            assertThatThrownBy(() -> code.setReadOnly(true)).isInstanceOf(SQLException.class)
                    .hasMessage("Cannot change transaction read-only property in the middle of a transaction.");
            assertThatThrownBy(() -> code.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED))
                    .isInstanceOf(SQLException.class).hasMessageContaining("in the middle of a transaction");
        }
    }

    @Test
    void sqlTransactionModesAreHonoured() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection code = tx.connection();
             Statement statement = code.createStatement()) {
            statement.execute("SET TRANSACTION READ ONLY"); // auto-commit: does nothing, as in PostgreSQL
            insertAccount(code, "autocommit@example.com");
            statement.execute("BEGIN READ ONLY");
            assertThatThrownBy(() -> insertAccount(code, "blocked@example.com"))
                    .hasMessageContaining("read-only transaction");
            statement.execute("ROLLBACK");
            statement.execute("START TRANSACTION ISOLATION LEVEL READ COMMITTED");
            statement.execute("SET TRANSACTION READ ONLY");
            assertThatThrownBy(() -> insertAccount(code, "blocked@example.com"))
                    .hasMessageContaining("read-only transaction");
            statement.execute("COMMIT");
            insertAccount(code, "writable-again@example.com");
            assertThat(count(code)).isEqualTo(2);
        }
    }

    @Test
    void sessionCharacteristicsApplyToTheConnectionsLaterTransactions() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection code = tx.connection();
             Statement statement = code.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            assertThat(code.isReadOnly()).isTrue();
            code.setAutoCommit(false);
            assertThatThrownBy(() -> insertAccount(code, "blocked@example.com"))
                    .hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void explainsAWriteInsideAnotherConnectionsReadOnlyTransaction() throws SQLException {
        try (TestTransaction tx = TestTransaction.begin(database); Connection reader = tx.connection();
             Connection writer = tx.connection()) {
            reader.setReadOnly(true);
            reader.setAutoCommit(false);
            count(reader);
            assertThatThrownBy(() -> insertAccount(writer, "inside@example.com")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction of connection " + reader);
            reader.commit();
            insertAccount(writer, "after@example.com");
            assertThat(count(writer)).isEqualTo(1);
        }
    }

    private void commitAccountElsewhere(String email) throws SQLException {
        try (Connection other = database.connect()) {
            insertAccount(other, email);
        }
    }

    private void deleteAccountElsewhere(String email) throws SQLException {
        try (Connection other = database.connect();
             var statement = other.prepareStatement("DELETE FROM accounts WHERE email = ?")) {
            statement.setString(1, email);
            statement.executeUpdate();
        }
    }

    private static void insertAccount(Connection connection, String email) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO accounts (email) VALUES (?)")) {
            statement.setString(1, email);
            statement.executeUpdate();
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM accounts")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

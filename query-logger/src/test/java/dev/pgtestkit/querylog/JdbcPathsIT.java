package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** Every JDBC execution path through a logged DataSource, against a real server. */
class JdbcPathsIT {

    private static LoggedDatabase it;

    @BeforeAll
    static void createSchema() throws SQLException {
        it = LoggedDatabase.open(QueryLogger.builder().logToSlf4j(false),
                "CREATE TABLE items (id bigserial PRIMARY KEY, name text UNIQUE NOT NULL, qty int NOT NULL DEFAULT 0)",
                "CREATE FUNCTION add_one(x int) RETURNS int LANGUAGE sql AS $$ SELECT x + 1 $$",
                "CREATE PROCEDURE bump(INOUT n int) LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$");
    }

    @AfterAll
    static void dropDatabase() {
        it.close();
    }

    @BeforeEach
    void resetRows() throws SQLException {
        try (Connection c = it.db().connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE items RESTART IDENTITY");
            s.execute("INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 2), ('c', 3)");
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static List<QueryEvent> record(Work work) throws SQLException {
        try (QueryScope scope = it.logger().startScope("jdbc paths"); Connection connection = it.logged().getConnection()) {
            work.run(connection);
            connection.close();
            return scope.log().events();
        }
    }

    @Test
    void recordsQueriesWithTheRowsTheApplicationRead() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM items ORDER BY id")) {
                while (rs.next()) {
                    assertThat(rs.getString("name")).isNotBlank();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM items WHERE qty >= ?")) {
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        });
        assertThat(events).hasSize(2);
        QueryEvent all = events.get(0);
        assertThat(all.type()).isEqualTo(StatementType.SELECT);
        assertThat(all.rows()).isEqualTo(3);
        assertThat(all.tables()).containsExactly("items");
        assertThat(all.normalizedSql()).isEqualTo("SELECT id, name FROM items ORDER BY id");
        assertThat(all.parameters()).isEmpty();
        assertThat(all.succeeded()).isTrue();
        assertThat(all.durationNanos()).isPositive();
        assertThat(all.threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(all.callSite()).hasValueSatisfying(site -> assertThat(site.className()).isEqualTo(getClass().getName()));
        QueryEvent filtered = events.get(1);
        assertThat(filtered.rows()).as("rows read before the result set was closed").isEqualTo(1);
        assertThat(filtered.parameters()).containsExactly(List.of(2));
        assertThat(filtered.normalizedSql()).isEqualTo("SELECT name FROM items WHERE qty >= ?");
    }

    @Test
    void recordsUpdatesWithTheRowsTheyAffected() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE items SET qty = qty + 1")).isEqualTo(3);
                assertThat(s.executeLargeUpdate("DELETE FROM items WHERE name = 'c'")).isEqualTo(1);
                assertThat(s.execute("UPDATE items SET qty = 0 WHERE name = 'a'")).isFalse();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE items SET qty = ? WHERE name <> ?")) {
                ps.setInt(1, 7);
                ps.setString(2, "zzz");
                assertThat(ps.executeUpdate()).isEqualTo(2);
                assertThat(ps.executeLargeUpdate()).isEqualTo(2);
                assertThat(ps.execute()).isFalse();
            }
        });
        assertThat(events).extracting(QueryEvent::type).containsExactly(StatementType.UPDATE, StatementType.DELETE,
                StatementType.UPDATE, StatementType.UPDATE, StatementType.UPDATE, StatementType.UPDATE);
        assertThat(events).extracting(QueryEvent::rows).containsExactly(3L, 1L, 1L, 2L, 2L, 2L);
        assertThat(events.get(3).parameters()).containsExactly(List.of(7, "zzz"));
    }

    @Test
    void executeWithAResultSetIsRecordedWhenTheResultIsRead() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (Statement s = c.createStatement()) {
                assertThat(s.execute("SELECT name FROM items")).isTrue();
                ResultSet rs = s.getResultSet();
                assertThat(s.getResultSet()).isSameAs(rs);
                assertThat(rs.getStatement()).isSameAs(s);
                int read = 0;
                while (rs.next()) {
                    read++;
                }
                assertThat(read).isEqualTo(3);
                assertThat(s.getMoreResults()).isFalse();
            }
        });
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(StatementType.SELECT);
            assertThat(e.rows()).isEqualTo(3);
        });
    }

    @Test
    void batchesAreOneEventWithOneParameterSetPerAddBatch() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (name, qty) VALUES (?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    ps.setString(1, "batch" + i);
                    ps.setInt(2, i);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
                ps.setString(1, "large");
                ps.setInt(2, 9);
                ps.addBatch();
                assertThat(ps.executeLargeBatch()).containsExactly(1L);
            }
            try (Statement s = c.createStatement()) {
                s.addBatch("UPDATE items SET qty = 1 WHERE name = 'a'");
                s.addBatch("UPDATE items SET qty = 1 WHERE name = 'a'");
                s.executeBatch();
                s.addBatch("UPDATE items SET qty = 2");
                s.addBatch("DELETE FROM items WHERE name = 'b'");
                s.executeLargeBatch();
            }
        });
        assertThat(events).hasSize(4);
        QueryEvent batch = events.get(0);
        assertThat(batch.type()).isEqualTo(StatementType.INSERT);
        assertThat(batch.batchSize()).isEqualTo(3);
        assertThat(batch.rows()).isEqualTo(3);
        assertThat(batch.parameters()).containsExactly(List.of("batch0", 0), List.of("batch1", 1), List.of("batch2", 2));
        assertThat(events.get(1).batchSize()).isEqualTo(1);
        assertThat(events.get(1).parameters()).containsExactly(List.of("large", 9));
        assertThat(events.get(2).batchSize()).isEqualTo(2);
        assertThat(events.get(2).normalizedSql()).isEqualTo("UPDATE items SET qty = ? WHERE name = ?");
        assertThat(events.get(3).batchSize()).isEqualTo(2);
        assertThat(events.get(3).normalizedSql()).isEqualTo("UPDATE items SET qty = ?; DELETE FROM items WHERE name = ?");
    }

    @Test
    void largeBatchesKeepTheirFirstParameterSetsAndTheExactSize() throws SQLException {
        try (QueryLogger small = QueryLogger.builder().logToSlf4j(false).batchParameterSets(2).build();
                QueryScope scope = small.startScope("big batch");
                Connection c = small.wrap(it.db().dataSource()).getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE items SET qty = ? WHERE name = ?")) {
            for (int i = 0; i < 5; i++) {
                ps.setInt(1, i);
                ps.setString(2, "a");
                ps.addBatch();
            }
            ps.executeBatch();
            assertThat(scope.log().events()).singleElement().satisfies(e -> {
                assertThat(e.batchSize()).isEqualTo(5);
                assertThat(e.rows()).isEqualTo(5);
                assertThat(e.parameters()).containsExactly(List.of(0, "a"), List.of(1, "a"));
            });
        }
    }

    @Test
    void generatedKeysAreReadThroughTheWrappers() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO items (name) VALUES ('k1')", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = s.getGeneratedKeys()) {
                    assertThat(keys.getStatement()).isSameAs(s);
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong("id")).isEqualTo(4);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (name) VALUES (?)", new String[] {"id"})) {
                ps.setString(1, "k2");
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong(1)).isEqualTo(5);
                }
            }
        });
        assertThat(events).extracting(QueryEvent::type).containsOnly(StatementType.INSERT);
        assertThat(events).extracting(QueryEvent::rows).containsExactly(1L, 1L);
    }

    @Test
    void callableStatementsRecordTheirInputs() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (CallableStatement call = c.prepareCall("{? = call add_one(?)}")) {
                call.registerOutParameter(1, Types.INTEGER);
                call.setInt(2, 41);
                call.execute();
                assertThat(call.getInt(1)).isEqualTo(42);
            }
            try (CallableStatement call = c.prepareCall("CALL bump(?)")) {
                call.registerOutParameter(1, Types.INTEGER);
                call.setInt(1, 1);
                call.execute();
                assertThat(call.getInt(1)).isEqualTo(2);
            }
        });
        assertThat(events).hasSize(2);
        assertThat(events).extracting(QueryEvent::type).containsOnly(StatementType.CALL);
        assertThat(events.get(0).parameters()).as("the OUT parameter is bound to nothing")
                .containsExactly(Arrays.asList(null, 41));
        assertThat(events.get(0).normalizedSql()).isEqualTo("{? = CALL add_one(?)}");
    }

    @Test
    void failuresCarryTheSqlStateAndTheDriversExceptionPassesUnchanged() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (name) VALUES (?)")) {
                ps.setString(1, "a");
                assertThatThrownBy(ps::executeUpdate)
                        .isExactlyInstanceOf(PSQLException.class)
                        .hasMessageContaining("duplicate key value violates unique constraint \"items_name_key\"");
            }
        });
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.succeeded()).isFalse();
            assertThat(e.sqlState()).contains("23505");
            assertThat(e.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("items_name_key"));
            assertThat(e.rows()).isEqualTo(-1);
        });
    }

    @Test
    void unreadResultsAreRecordedWhenTheirStatementOrConnectionCloses() throws SQLException {
        List<QueryEvent> events = record(c -> {
            Statement s = c.createStatement();
            s.executeQuery("SELECT * FROM items");
            s.close();
            PreparedStatement ps = c.prepareStatement("SELECT * FROM items WHERE id = ?");
            ps.setLong(1, 1);
            ResultSet rs = ps.executeQuery();
            rs.next();
            c.close(); // without closing ps or rs
        });
        assertThat(events).extracting(QueryEvent::rows).containsExactly(0L, 1L);
    }

    @Test
    void reExecutingAStatementRecordsThePreviousExecutionFirst() throws SQLException {
        List<QueryEvent> events = record(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM items WHERE id = ?")) {
                for (long id = 1; id <= 3; id++) {
                    ps.setLong(1, id);
                    ps.executeQuery().next();
                }
            }
        });
        assertThat(events).hasSize(3);
        assertThat(events).extracting(e -> e.parameters().get(0).get(0)).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(QueryEvent::id).isSorted();
    }
}

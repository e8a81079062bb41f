package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgtestkit.core.DisposableDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/** What leaves the logger: JSON lines, SLF4J lines and the summary table, never with a secret in them. */
class OutputsIT {

    private static final String PASSWORD = "hunter2-" + System.nanoTime();
    private static final String TOKEN = "tok-" + System.nanoTime();

    private static DisposableDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSchema() throws SQLException {
        db = TestDatabases.withSchema(
                "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, password text, api_token text)");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    /** Writes two users (a secret bound, a secret inlined), reads them, fails once. */
    private static void workload(DataSource logged) throws SQLException {
        try (Connection c = logged.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (name, password, api_token) VALUES (?, ?, ?)")) {
                ps.setString(1, "alice");
                ps.setString(2, PASSWORD);
                ps.setString(3, TOKEN);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO users (name, password) VALUES ('bob', '" + PASSWORD + "')");
                try (ResultSet rs = s.executeQuery("SELECT name FROM users WHERE name LIKE 'a%' LIMIT 1")) {
                    while (rs.next()) {
                        assertThat(rs.getString(1)).isEqualTo("alice");
                    }
                }
                assertThatThrownBy(() -> s.executeQuery("SELECT no_such_column FROM users"))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void jsonLinesHoldOneEventPerLineWithoutSecrets() throws Exception {
        Path file = dir.resolve("nested/events.jsonl");
        try (JsonLinesListener json = JsonLinesListener.open(file);
                QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(null).listener(json).build()) {
            workload(logger.wrap(db.dataSource()));
            json.flush();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(TOKEN);
            List<String> lines = text.lines().toList();
            assertThat(lines).hasSize(4);
            ObjectMapper mapper = new ObjectMapper();
            JsonNode insert = mapper.readTree(lines.get(0));
            assertThat(insert.get("type").asText()).isEqualTo("INSERT");
            assertThat(insert.get("normalized").asText()).isEqualTo("INSERT INTO users (name, password, api_token) VALUES (?, ?, ?)");
            assertThat(insert.get("parameters").toString()).isEqualTo("[[\"alice\",\"***\",\"***\"]]");
            assertThat(insert.get("rows").asLong()).isEqualTo(1);
            assertThat(insert.get("callSite").asText()).startsWith("dev.pgtestkit.querylog.OutputsIT.workload(OutputsIT.java:");
            assertThat(insert.get("tables").toString()).isEqualTo("[\"users\"]");
            JsonNode inlined = mapper.readTree(lines.get(1));
            assertThat(inlined.get("sql").asText()).isEqualTo("INSERT INTO users (name, password) VALUES ('bob', '***')");
            JsonNode select = mapper.readTree(lines.get(2));
            assertThat(select.get("rows").asLong()).isEqualTo(1);
            assertThat(select.get("durationNanos").asLong()).isPositive();
            JsonNode failed = mapper.readTree(lines.get(3));
            assertThat(failed.get("succeeded").asBoolean()).isFalse();
            assertThat(failed.get("sqlState").asText()).isEqualTo("42703");
            assertThat(failed.get("error").asText()).contains("no_such_column");
        }
    }

    @Test
    void slf4jLinesNameTheStatementTheCallSiteAndTheFailureButNoSecret() throws SQLException {
        ConcurrentLinkedQueue<SubstituteLoggingEvent> recorded = new ConcurrentLinkedQueue<>();
        EventRecordingLogger slf4j = new EventRecordingLogger(new SubstituteLogger("test", recorded, true), recorded);
        // no statement of the workload is slow, however loaded the machine: its lines are at DEBUG
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(java.time.Duration.ofSeconds(60))
                .listener(Slf4jQueryListener.to(slf4j)).build()) {
            workload(logger.wrap(db.dataSource()));
        }
        List<String> debug = recorded.stream().filter(e -> e.getLevel() == Level.DEBUG).map(OutputsIT::text).toList();
        List<String> warn = recorded.stream().filter(e -> e.getLevel() == Level.WARN).map(OutputsIT::text).toList();
        assertThat(String.join("\n", debug) + String.join("\n", warn)).doesNotContain(PASSWORD).doesNotContain(TOKEN);
        assertThat(debug).hasSize(3);
        assertThat(debug.get(0)).matches("\\d+\\.\\d{3} ms rows=1: INSERT INTO users \\(name, password, api_token\\)"
                + " VALUES \\(\\?, \\?, \\?\\) \\[\\[alice, \\*\\*\\*, \\*\\*\\*]] at dev\\.pgtestkit\\.querylog\\.OutputsIT"
                + "\\.workload\\(OutputsIT\\.java:\\d+\\)");
        assertThat(warn).singleElement().asString()
                .startsWith("Failed [42703] after ")
                .contains("SELECT no_such_column FROM users | ERROR: column \"no_such_column\" does not exist");
    }

    private static String text(SubstituteLoggingEvent event) {
        return MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage();
    }

    @Test
    void summaryIsAReadableTableOfTheHistory() throws SQLException {
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build()) {
            workload(logger.wrap(db.dataSource()));
            QueryStats stats = logger.stats();
            assertThat(stats.overall().count()).isEqualTo(4);
            assertThat(stats.failures()).isEqualTo(1);
            assertThat(stats.byType()).containsEntry(StatementType.INSERT, 2L).containsEntry(StatementType.SELECT, 2L);
            assertThat(stats.tables()).singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            logger.printSummary(new PrintStream(out, true, StandardCharsets.UTF_8));
            String table = out.toString(StandardCharsets.UTF_8);
            assertThat(table).startsWith("4 statements, ")
                    .contains("  count   total ms   mean ms    p50 ms    p95 ms    p99 ms    max ms     rows  statement")
                    .contains("INSERT INTO users (name, password, api_token) VALUES (?, ?, ?)")
                    .contains("by table: users=4")
                    .doesNotContain(PASSWORD);
            logger.reset();
            assertThat(logger.log().isEmpty()).isTrue();
        }
    }

    @Test
    void timeQueryMeasuresOneCallOnItsThread() throws SQLException {
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(null).build()) {
            DataSource logged = logger.wrap(db.dataSource());
            Measured<Integer> measured = logger.measure("countUsers", () -> {
                try (Connection c = logged.getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(measured.value()).isGreaterThanOrEqualTo(0);
            assertThat(measured.log().size()).isEqualTo(1);
            assertThat(measured.describe()).startsWith("countUsers: 1 statement (1 SELECT), ")
                    .matches("countUsers: 1 statement \\(1 SELECT\\), \\d+\\.\\d{3} ms in the"
                    + " database, \\d+\\.\\d{3} ms in all");
            int count = logger.timeQuery("countAgain", () -> measured.value());
            assertThat(count).isEqualTo(measured.value());
        }
    }
}

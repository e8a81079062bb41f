package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/**
 * A workload full of secrets, bound and inlined, reaching secret columns directly, through functions and casts,
 * through an INSERT without a column list and through the server's error messages, goes through every output of the
 * logger (events, SLF4J lines, JSON lines, the HTML report, summaries, plans, assertion messages): none shows one.
 */
class SecretScanIT {

    private static final String PASSWORD = "hunter2-" + System.nanoTime();
    private static final String INLINED_PASSWORD = "swordfish-" + System.nanoTime();
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String INLINED_TOKEN = UUID.randomUUID().toString();
    private static final String BAD_TOKEN = "not-a-uuid-" + System.nanoTime();
    private static final String BAD_INLINED_TOKEN = "not-a-uuid-either-" + System.nanoTime();
    private static final String UNLISTED_SECRET = "unlisted-" + System.nanoTime();
    private static final List<String> SECRETS = List.of(PASSWORD, INLINED_PASSWORD, TOKEN, INLINED_TOKEN, BAD_TOKEN,
            BAD_INLINED_TOKEN, UNLISTED_SECRET);

    private static DisposableDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSchema() throws SQLException {
        db = TestDatabases.withSchema("CREATE TABLE accounts (id serial PRIMARY KEY, email text, password text,"
                + " api_token uuid)");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static void workload(DataSource logged) throws SQLException {
        try (Connection c = logged.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO accounts (email, password, api_token) VALUES (?, md5(?), CAST(? AS uuid))")) {
                ps.setString(1, "a@example.com");
                ps.setString(2, PASSWORD);
                ps.setString(3, TOKEN);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts VALUES (DEFAULT, ?, ?, NULL)")) {
                ps.setString(1, "b@example.com");
                ps.setString(2, UNLISTED_SECRET);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM accounts WHERE password = md5(? || '')")) {
                ps.setString(1, PASSWORD);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM accounts WHERE CAST(? AS uuid) = api_token")) {
                ps.setString(1, TOKEN);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET password = md5(?::text) WHERE id = ?")) {
                ps.setString(1, PASSWORD);
                ps.setInt(2, 1);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM accounts WHERE api_token = ?::uuid")) {
                ps.setString(1, BAD_TOKEN);
                assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining(BAD_TOKEN);
            }
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT id FROM accounts WHERE password = md5('" + INLINED_PASSWORD + "')").close();
                s.executeQuery("SELECT id FROM accounts WHERE api_token = '" + INLINED_TOKEN + "'::uuid").close();
                assertThatThrownBy(() -> s.executeQuery("SELECT id FROM accounts WHERE api_token = '"
                        + BAD_INLINED_TOKEN + "'")).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void noOutputShowsASecret() throws Exception {
        Path json = dir.resolve("events.jsonl");
        ConcurrentLinkedQueue<SubstituteLoggingEvent> recorded = new ConcurrentLinkedQueue<>();
        EventRecordingLogger slf4j = new EventRecordingLogger(new SubstituteLogger("scan", recorded, true), recorded);
        List<String> outputs = new ArrayList<>();
        try (JsonLinesListener jsonLines = JsonLinesListener.open(json);
                QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(Duration.ofNanos(1))
                        .listener(jsonLines).listener(Slf4jQueryListener.to(slf4j)).build()) {
            QueryLog scoped;
            try (QueryScope scope = logger.startScope("secrets")) {
                workload(logger.wrap(db.dataSource()));
                scoped = scope.log();
            }
            QueryLog history = logger.log();
            assertThat(history.size()).isEqualTo(9);
            assertThat(history.failures()).hasSize(2);
            for (QueryEvent event : history.events()) {
                event.awaitPlan(Duration.ofSeconds(30)).ifPresent(plan -> outputs.add(plan.toString() + plan.json()));
                outputs.add(event.sql() + " " + event.normalizedSql() + " " + event.parameters() + " "
                        + event.errorMessage().orElse(""));
            }
            jsonLines.flush();
            outputs.add(Files.readString(json, StandardCharsets.UTF_8));
            for (SubstituteLoggingEvent e : recorded) {
                outputs.add(MessageFormatter.arrayFormat(e.getMessage(), e.getArgumentArray()).getMessage());
            }
            outputs.add(HtmlReport.of(history).render());
            outputs.add(HtmlReport.of(scoped).render());
            outputs.add(logger.summary());
            outputs.add(scoped.summary());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            logger.printSummary(new PrintStream(printed, true, StandardCharsets.UTF_8));
            outputs.add(printed.toString(StandardCharsets.UTF_8));
            outputs.add(failureMessage(() -> QueryLogAssert.assertThat(history).hasStatementCount(1)));
            outputs.add(failureMessage(() -> QueryLogAssert.assertThat(history).hasNoFailures()));
            outputs.add(failureMessage(() -> QueryLogAssert.assertThat(history).hasNoSlowQueries()));
        }
        String everything = String.join("\n", outputs);
        assertThat(everything).contains("a@example.com").contains("***"); // the outputs are there, secrets are not
        for (String secret : SECRETS) {
            assertThat(everything).as("a secret in the outputs").doesNotContain(secret);
        }
    }

    @Test
    void theColumnOrderOfAnInsertWithoutAColumnListComesFromTheRules() throws SQLException {
        RedactionRules rules = RedactionRules.defaults().withColumnOrder(
                table -> table.equals("accounts") ? List.of("id", "email", "password", "api_token") : null);
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).redaction(rules).build();
                Connection c = logger.wrap(db.dataSource()).getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO accounts VALUES (DEFAULT, ?, ?, NULL)")) {
            ps.setString(1, "c@example.com");
            ps.setString(2, UNLISTED_SECRET);
            ps.executeUpdate();
            assertThat(logger.log().events().get(0).parameters()).containsExactly(List.of("c@example.com", "***"));
        }
    }

    private static String failureMessage(Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionError e) {
            return e.getMessage();
        }
        throw new AssertionError("the assertion should have failed");
    }
}

package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report rendered by a real browser: headless Chromium (Debian's {@code chromium}; {@code .ci/deps/chromium.sh}
 * installs it) loads the file, dumps the DOM it built and takes a screenshot
 * ({@code target/query-report/report.png}, kept for a human look). Skipped when Chromium is not installed.
 */
class HtmlReportIT {

    private static final Path OUT = Path.of("target", "query-report");
    private static DisposableDatabase db;

    @TempDir
    Path profile;

    @BeforeAll
    static void createSchema() throws SQLException {
        db = TestDatabases.withSchema(
                "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, password text)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, total numeric)",
                "INSERT INTO customers SELECT g, 'customer ' || g, 'pw' || g FROM generate_series(1, 8) g",
                "INSERT INTO orders SELECT g, g, g * 10 FROM generate_series(1, 8) g");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static Optional<Path> chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** Orders with a customer lookup each (N+1), a slow report query, and a failing statement. */
    private static QueryLog workload(QueryLogger logger) throws Exception {
        DataSource logged = logger.wrap(db.dataSource());
        try (QueryScope scope = logger.startScope("report"); Connection c = logged.getConnection()) {
            List<Integer> customers = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT customer_id FROM orders")) {
                while (rs.next()) {
                    customers.add(rs.getInt(1));
                }
            }
            for (int id : customers) {
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
                    ps.setInt(1, id);
                    ps.executeQuery().close();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT c.name, sum(o.total) FROM customers c JOIN orders o"
                    + " ON o.customer_id = c.id WHERE c.password <> ? AND (SELECT pg_sleep(0.2)) IS NOT NULL GROUP BY 1")) {
                ps.setString(1, "hunter2");
                ps.executeQuery().close();
            }
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("INSERT INTO orders VALUES (1, 1, 5)")).isInstanceOf(SQLException.class);
            }
            QueryLog log = scope.log();
            log.slowQueries().forEach(e -> e.awaitPlan(Duration.ofSeconds(20)));
            return log;
        }
    }

    @Test
    void rendersInABrowserWithStatementsPlansAndFindings() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed (/usr/bin/chromium): run .ci/deps/chromium.sh to render the HTML report");
        QueryLog log;
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(Duration.ofMillis(100)).build()) {
            log = workload(logger);
        }
        Path html = HtmlReport.of(log).title("Orders <report> & plans").writeTo(OUT.resolve("report.html"));
        String source = Files.readString(html);
        assertThat(source).doesNotContain("hunter2").doesNotContainPattern("(src|href)=\"?https?:");

        String dom = runChromium(chromium.get(), "--dump-dom", html);
        assertThat(dom).contains("<title>Orders &lt;report&gt; &amp; plans</title>")
                .contains("<h1>Orders &lt;report&gt; &amp; plans</h1>")
                .contains("<b>11</b>statements")
                .contains("<h2 id=\"n-plus-one\">N+1 findings</h2>")
                .contains("<code>SELECT name FROM customers WHERE id = ?</code></td><td class=\"l\"><code>"
                        + "dev.pgtestkit.querylog.HtmlReportIT.workload(HtmlReportIT.java:")
                .contains("<h2 id=\"slow\">Slow statements</h2>")
                .contains("Seq Scan on orders")
                .contains("<h2 id=\"failures\">Failures</h2>")
                .contains("23505")
                .contains("<code>orders</code>");
        Path png = OUT.resolve("report.png");
        runChromium(chromium.get(), "--screenshot=" + png.toAbsolutePath(), html);
        byte[] image = Files.readAllBytes(png);
        assertThat(image.length).isGreaterThan(10_000);
        assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private String runChromium(Path chromium, String mode, Path html) throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        Path stdout = Files.createTempFile(profile, "chromium", ".out");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1400,2200", "--user-data-dir=" + profile.resolve("profile"), mode,
                html.toAbsolutePath().toUri().toString())
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish " + mode + " within 90 s");
        }
        assertThat(process.exitValue()).as("chromium exit code for " + mode).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}

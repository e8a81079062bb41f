package dev.pgtestkit.samples;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.GenerationResult;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.querylog.HtmlReport;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * pgtestkit end to end on the AI Error Translator schema (seed 004): a server, a migrated template and a clone of
 * it, the schema as the registry reads it, thousands of related rows, the row API and its errors, an N+1 pattern
 * found by the query logger, and a test transaction whose rollback holds although the code under test commits.
 *
 * <p>Run with {@code ./mvnw -q -pl samples exec:java} (embedded PostgreSQL unless {@code PGTESTKIT_URL} or Docker
 * says otherwise). The HTML query report goes to {@code target/pgtestkit-demo/} or {@code -Dpgtestkit.demo.out}.
 */
public final class Demo {

    static final String MIGRATIONS = "classpath:db/seeds/errortranslator";
    private static final int DASHBOARD_USERS = 20;

    private final PrintStream out;
    private final Path outputDirectory;

    Demo(PrintStream out, Path outputDirectory) {
        this.out = out;
        this.outputDirectory = outputDirectory;
    }

    public static void main(String[] args) {
        Path output = Path.of(System.getProperty("pgtestkit.demo.out", "target/pgtestkit-demo"));
        new Demo(System.out, output).run();
    }

    /** Runs every step on one disposable database, dropped at the end. */
    DemoResult run() {
        PostgresServer server = timed("1. Server", () -> PostgresProvider.auto().shared(),
                PostgresServer::description);
        DatabaseTemplate template = timed("2. Template", () -> DatabaseTemplate.builder(server)
                .flywayLocations(MIGRATIONS).build(), t -> "migrated " + MIGRATIONS + " into " + t.name());
        try (DisposableDatabase db = timed("   Clone", template::checkout,
                d -> d.name() + ", a clone of the template")) {
            DataSource dataSource = db.dataSource();
            SchemaRegistry registry = readSchema(dataSource);
            GenerationResult generated = generate(dataSource, registry);
            showRowApi(Rows.of(dataSource));
            DemoResult.Dashboards dashboards = findNPlusOne(dataSource);
            DemoResult.UsageCounts counts = rollBackWhatTheCodeCommits(db);
            return new DemoResult(registry, generated.totalRows(), dashboards, counts);
        }
    }

    private SchemaRegistry readSchema(DataSource dataSource) {
        SchemaRegistry registry = timed("3. Schema", () -> SchemaRegistry.load(dataSource),
                r -> r.tables().size() + " tables read from pg_catalog in " + r.catalogQueryCount() + " queries");
        out.println("   insertion order: " + registry.insertionOrder().tables().stream()
                .map(QualifiedName::name).collect(Collectors.joining(" -> ")));
        return registry;
    }

    private GenerationResult generate(DataSource dataSource, SchemaRegistry registry) {
        GenerationPlan plan = GenerationPlan.builder()
                .table("users", 2_000)
                .table("api_keys", t -> t.perParent("users", ChildCount.between(1, 3)))
                .table("subscriptions", t -> t.perParent("users", ChildCount.of(1)))
                .table("usage_logs", t -> t.perParent("users", ChildCount.between(0, 40)))
                .table("token_blacklist", 1_000)
                .build();
        GenerationResult result = timed("4. Mock data", () -> MockDataGenerator.builder(dataSource)
                .registry(registry).seed(2026).build().generate(plan),
                r -> r.totalRows() + " rows satisfying every key and constraint, loaded with COPY");
        result.summary().lines().forEach(line -> out.println("   " + line));
        return result;
    }

    private void showRowApi(Rows rows) {
        out.println("5. Row API");
        Map<String, Object> user = rows.from("Users").orderBy("createdAt").first().orElseThrow();
        out.println("   rows.from(\"Users\").orderBy(\"createdAt\").first() -> " + user.get("email") + " ("
                + user.get("subscription_tier") + ")");
        out.println("   rows.count(\"apiKeys\", {userId}) -> "
                + rows.count("apiKeys", Map.of("userId", user.get("id"))));
        try {
            rows.fetch("users", Map.of("emial", user.get("email")));
        } catch (ColumnMatchException e) {
            out.println("   rows.fetch(\"users\", {emial}) -> " + e.getMessage());
        }
    }

    /** A dashboard that counts each user's API keys one query at a time, then the same in one query. */
    private DemoResult.Dashboards findNPlusOne(DataSource dataSource) {
        out.println("6. Query logger");
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build()) {
            Rows rows = Rows.of(logger.wrap(dataSource));
            List<Object> userIds = rows.from("users").orderBy("email").limit(DASHBOARD_USERS).list().stream()
                    .map(u -> u.get("id")).toList();
            QueryLog perUser = dashboard(logger, "per user", () -> userIds.forEach(id -> rows.query(
                    "SELECT count(*) FROM api_keys WHERE user_id = ?", id)));
            perUser.nPlusOneFindings().forEach(finding -> out.println("   " + finding.describe()));
            QueryLog batched = dashboard(logger, "one query", () -> rows.query(
                    "SELECT user_id, count(*) FROM api_keys WHERE user_id = ANY (?::uuid[]) GROUP BY user_id",
                    (Object) userIds.stream().map(Object::toString).toArray(String[]::new)));
            Path report = HtmlReport.of(logger.log()).title("pgtestkit demo").writeTo(
                    outputDirectory.resolve("query-report.html"));
            out.println("   report: " + report.toAbsolutePath());
            return new DemoResult.Dashboards(perUser, batched);
        }
    }

    private QueryLog dashboard(QueryLogger logger, String name, Runnable work) {
        try (QueryScope scope = logger.startScope("dashboard, " + name)) {
            work.run();
            out.printf("   dashboard, %-9s: %d statements, %d N+1 finding(s)%n", name, scope.log().size(),
                    scope.log().nPlusOneFindings().size());
            return scope.log();
        }
    }

    /** Usage count before, inside and after a test transaction in which the code under test commits. */
    private DemoResult.UsageCounts rollBackWhatTheCodeCommits(DisposableDatabase db) {
        out.println("7. Test transaction");
        long before = Rows.of(db.dataSource()).count("usage_logs");
        long inside;
        try (TestTransaction tx = TestTransaction.begin(db)) {
            new UsageRecorder(tx.dataSource()).record("/v1/translate", 200);
            inside = Rows.of(tx.dataSource()).count("usage_logs");
        }
        DemoResult.UsageCounts counts = new DemoResult.UsageCounts(before, inside,
                Rows.of(db.dataSource()).count("usage_logs"));
        out.printf("   usage_logs: %d before, %d after the code committed, %d after the rollback%n",
                counts.before(), counts.insideTransaction(), counts.after());
        return counts;
    }

    private <T> T timed(String step, Supplier<T> work, Function<T, String> describe) {
        long start = System.nanoTime();
        T result = work.get();
        out.printf("%-13s %s (%.1f ms)%n", step, describe.apply(result), (System.nanoTime() - start) / 1e6);
        return result;
    }
}

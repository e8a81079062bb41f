package dev.pgtestkit.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.GenerationResult;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.querylog.HtmlReport;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import dev.pgtestkit.samples.keep.CredentialCipher;
import dev.pgtestkit.samples.keep.KeepSyncDatabase;
import dev.pgtestkit.samples.keep.SyncOrchestrator;
import dev.pgtestkit.samples.keep.SyncSummary;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.GitResult;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.VerifyResult;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * pgtestkit end to end on the Keep→Notion sync sample: a "production" database migrated by Flyway as the
 * application does, a "test" database cloned from a template of the same migrations, production filled with related
 * mock data, the application's workload run through the query logger (slow statements with their plans, an N+1
 * found and then fixed), the HTML report, and one {@code @WithTransaction} test of the sample run through the JUnit
 * launcher. Each step prints what it did, its time and where its output is.
 *
 * <p>Run with {@code ./mvnw -q -pl samples exec:java} (embedded PostgreSQL unless {@code PGTESTKIT_URL} or Docker
 * says otherwise). Output goes to {@code target/pgtestkit-demo/} or {@code -Dpgtestkit.demo.out}. Both databases are
 * dropped at the end; the embedded server stops with the JVM.
 */
public final class Demo {

    static final String PRODUCTION_PREFIX = "pgtestkit_demo_production_";
    static final int USERS = 300;
    static final int JOBS = 4_000;
    static final int SYNC_STATES = 12_000;
    static final Duration SLOW = Duration.ofMillis(5);
    private static final int SYNC_RUNS = 3;
    private static final int NOTES_PER_ACCOUNT = 30;
    private static final int NOTION_REJECTS_EVERY = 17;

    private final PrintWriter out;
    private final Path outputDirectory;
    private int stepNumber;

    Demo(PrintWriter out, Path outputDirectory) {
        this.out = out;
        this.outputDirectory = outputDirectory;
    }

    /** Runs the demo, printing to standard output. */
    public static void main(String[] args) {
        Path output = Path.of(System.getProperty("pgtestkit.demo.out", "target/pgtestkit-demo"));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        DemoResult result = new Demo(out, output).run();
        if (result.junit().getTotalFailureCount() > 0) {
            System.exit(1); // exec:java runs in Maven's JVM: exit only to report the failure
        }
    }

    /** Every step, on the server {@code PostgresProvider.auto()} picks; leaves no database behind. */
    public DemoResult run() {
        long start = System.nanoTime();
        out.println("pgtestkit demo: the Keep→Notion sync sample (samples/src/main/java/dev/pgtestkit/samples/keep)");
        PostgresServer server = step("Server", () -> PostgresProvider.auto().shared(), PostgresServer::description);
        String production = PRODUCTION_PREFIX + ProcessHandle.current().pid();
        DemoResult result;
        try (HikariDataSource pool = step("Production database", () -> createProduction(server, production),
                p -> production + ", migrated by Flyway from " + KeepSyncDatabase.MIGRATIONS
                        + " as the application does at start, behind a HikariCP pool")) {
            DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(KeepSyncDatabase.MIGRATIONS)
                    .build();
            try (DisposableDatabase test = step("Test database", template::checkout,
                    db -> db.name() + ", a clone of template " + template.name()
                            + " (same migrations; built once, reused by later runs and by @PgTest)")) {
                GenerationResult generated = fill(pool);
                Workload workload = runWorkload(pool);
                Path report = step("HTML report", () -> HtmlReport.of(workload.log()).title("pgtestkit demo: Keep sync")
                        .writeTo(outputDirectory.resolve("query-report.html")).toAbsolutePath(),
                        path -> "every statement with its timings, the N+1 finding, slow statements with plans");
                out.println("   output: " + report);
                Shared shared = share(server, production, test.name());
                TestExecutionSummary junit = runTest();
                result = new DemoResult(generated.totalRows(), workload.syncRuns(), workload.historyFirstVersion(),
                        workload.historyFixed(), workload.log().slowQueries(), report, shared.dump(),
                        shared.commit(), shared.restore(), shared.verify(), junit, test.name());
            }
        } finally {
            server.dropDatabase(production);
        }
        out.printf(Locale.ROOT, "Done in %.1f s. Nothing left behind: %s dropped, the test clone dropped, the"
                + " server stops with the JVM.%n", (System.nanoTime() - start) / 1e9, production);
        return result;
    }

    private HikariDataSource createProduction(PostgresServer server, String name) {
        for (String leftover : server.databases(PRODUCTION_PREFIX)) { // of runs killed before their clean-up
            long pid = Long.parseLong(leftover.substring(PRODUCTION_PREFIX.length()));
            if (ProcessHandle.of(pid).isEmpty() || leftover.equals(name)) {
                server.dropDatabase(leftover);
            }
        }
        server.createDatabase(name, null);
        Flyway.configure().dataSource(server.dataSource(name)).locations(KeepSyncDatabase.MIGRATIONS).load().migrate();
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.dataSource(name));
        config.setMaximumPoolSize(4);
        config.setPoolName("keep-sync-production");
        return new HikariDataSource(config);
    }

    /** Jobs of {@value #USERS} users with their logs, and the users' sync state: related rows, loaded with COPY. */
    private GenerationResult fill(DataSource production) {
        ColumnOverride user = ColumnOverride.computed(row -> userId(row.index() % USERS));
        GenerationPlan plan = GenerationPlan.builder()
                .table("sync_jobs", JOBS, t -> t.column("user_id", user))
                .table("sync_logs", t -> t.perParent("sync_jobs", ChildCount.between(1, 10)))
                .table("sync_state", SYNC_STATES, t -> t.column("user_id", user))
                .build();
        ProgressBar bar = new ProgressBar(out);
        GenerationResult result = step("Mock data (production)", () -> MockDataGenerator.builder(production).seed(2026)
                .progress(bar).build().generate(plan), r -> {
                    bar.finish();
                    return r.totalRows() + " related rows: " + JOBS + " jobs of " + USERS + " users, their logs,"
                            + " their sync state; every key and check satisfied, loaded with COPY";
                });
        result.summary().lines().forEach(line -> out.println("   " + line));
        return result;
    }

    /** The application's own code on production, through the query logger. */
    private Workload runWorkload(DataSource production) {
        QueryLogger logger = QueryLogger.builder().slowThreshold(SLOW).historySize(50_000).logToSlf4j(false).build();
        try (logger) {
            KeepSyncDatabase db = KeepSyncDatabase.on(logger.wrap(production));
            // In production the key comes from KEEP_SYNC_ENCRYPTION_KEY (CredentialCipher.fromEnvironment()).
            CredentialCipher cipher = CredentialCipher.of(Base64.getDecoder()
                    .decode(CredentialCipher.generateKey()));
            SimulatedKeepAndNotion services = new SimulatedKeepAndNotion(NOTES_PER_ACCOUNT, NOTION_REJECTS_EVERY);
            SyncOrchestrator orchestrator = new SyncOrchestrator(db, cipher, services, services);
            Workload workload = step("Workload", () -> {
                List<SyncSummary> runs = new ArrayList<>();
                for (int i = 0; i < SYNC_RUNS; i++) {
                    String user = userId(i);
                    db.storeCredentials(user, user, "notion-" + user, "notion-db", cipher);
                    runs.add(orchestrator.execute(db.createSyncJob(UUID.randomUUID(), user, true).jobId()));
                }
                QueryLog first = scoped(logger, "job history, first version",
                        () -> db.jobHistoryOneQueryPerJob(userId(0), 10));
                QueryLog fixed = scoped(logger, "job history, fixed", () -> db.jobHistory(userId(0), 10));
                String page = (String) Rows.of(production).from("sync_state").orderBy("id").limit(1).list().get(0)
                        .get("notion_page_id");
                scoped(logger, "support look-ups", () -> {
                    db.findByNotionPage(page);
                    db.searchLogs("rate limit", 20);
                });
                return new Workload(runs, first, fixed, logger.log());
            }, w -> SYNC_RUNS + " full syncs of " + NOTES_PER_ACCOUNT + " notes (" + w.synced() + " synced, "
                    + w.refused() + " refused by Notion and counted, one transaction per note), the admin's job"
                    + " history before and after its fix, two support look-ups: " + w.log().size() + " statements");
            report(workload);
            out.println("   summary (largest total time first):");
            logger.summary().lines().limit(12).forEach(line -> out.println("     " + line));
            return workload;
        }
    }

    private void report(Workload workload) {
        out.printf("   job history, first version: %d statements, %d N+1 finding(s)%n",
                workload.historyFirstVersion().size(), workload.historyFirstVersion().nPlusOneFindings().size());
        workload.historyFirstVersion().nPlusOneFindings().forEach(f -> out.println("     " + f.describe()));
        out.printf("   job history, fixed:         %d statement, %d N+1 finding(s)%n",
                workload.historyFixed().size(), workload.historyFixed().nPlusOneFindings().size());
        List<QueryEvent> slow = workload.log().slowQueries();
        out.println("   slow statements (over " + SLOW.toMillis() + " ms): " + slow.size() + "; the slowest, with plans:");
        Map<String, QueryEvent> slowest = new LinkedHashMap<>();
        slow.stream().sorted(Comparator.comparingLong(QueryEvent::durationNanos).reversed())
                .forEach(event -> slowest.putIfAbsent(event.normalizedSql(), event));
        slowest.values().stream().limit(3).forEach(event -> {
            out.printf(Locale.ROOT, "     %.1f ms  %s%n", event.durationNanos() / 1e6, event.normalizedSql());
            event.awaitPlan(Duration.ofSeconds(5)).ifPresent(plan -> out.println("       plan: " + plan.summary()));
        });
    }

    /** Production dumped masked, committed to git, restored into the test database and verified there. */
    private Shared share(PostgresServer server, String production, String test) {
        DemoShare share = new DemoShare(server, outputDirectory);
        share.prepare(production, test);
        DumpManifest dump = step("Masked dump", () -> share.dumpMasked(production), m -> m.totalRows() + " rows of "
                + m.tables().size() + " tables from production under one snapshot, sorted COPY text and a manifest"
                + " of checksums; tokens, note ids and messages masked by " + share.policyFile().getFileName()
                + " (production fails closed on undecided sensitive columns)");
        out.println("   output: " + share.dumpDirectory() + " (policy: " + share.policyFile() + ")");
        GitResult commit = step("Git commit", share::commit, GitResult::summary);
        out.println("   output: " + share.repository() + " (git log -p shows what changed between runs)");
        RestoreResult restore = step("Restore (test)", () -> share.restore(test), r -> r.rows() + " rows into "
                + r.database() + " through a shadow database, verified against the manifest, then swapped in");
        VerifyResult verify = step("Verify (test)", () -> share.verify(test), v -> v.tables().size() + " tables, "
                + v.rows() + " rows: the test database holds exactly the dump (hashed on the server)");
        out.println("   try: ./pgtestkit list --config " + share.configFile() + "; ./pgtestkit verify "
                + share.dumpDirectory());
        return new Shared(dump, commit, restore, verify);
    }

    /** One {@code @WithTransaction} test of the sample, through the JUnit platform launcher. */
    private TestExecutionSummary runTest() {
        return step("JUnit test", () -> {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(KeepSyncDemoTest.class)).build(), listener);
            return listener.getSummary();
        }, summary -> {
            summary.getFailures().forEach(failure -> out.println("   FAILED: " + failure.getException()));
            return summary.getTestsSucceededCount() + " of " + summary.getTestsFoundCount() + " passed: "
                    + KeepSyncDemoTest.class.getSimpleName() + " (the orchestrator commits per note,"
                    + " @WithTransaction rolls it all back)";
        });
    }

    private static QueryLog scoped(QueryLogger logger, String name, Runnable work) {
        try (QueryScope scope = logger.startScope(name)) {
            work.run();
            return scope.log();
        }
    }

    static String userId(long index) {
        return String.format(Locale.ROOT, "user-%04d", index);
    }

    private <T> T step(String name, Supplier<T> work, Function<T, String> describe) {
        stepNumber++;
        long start = System.nanoTime();
        T result = work.get();
        double millis = (System.nanoTime() - start) / 1e6;
        out.printf(Locale.ROOT, "%d. %-22s %s (%.0f ms)%n", stepNumber, name, describe.apply(result), millis);
        out.flush();
        return result;
    }

    /** What the sharing steps did. */
    record Shared(DumpManifest dump, GitResult commit, RestoreResult restore, VerifyResult verify) {}

    /** What the workload did. */
    record Workload(List<SyncSummary> syncRuns, QueryLog historyFirstVersion, QueryLog historyFixed, QueryLog log) {

        int synced() {
            return syncRuns.stream().mapToInt(SyncSummary::processedNotes).sum();
        }

        int refused() {
            return syncRuns.stream().mapToInt(SyncSummary::failedNotes).sum();
        }
    }
}

package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slow statements: exact duration, the in-flight scanner, and plans captured on another connection. */
class SlowQueryIT {

    private static final Duration THRESHOLD = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static DisposableDatabase db;
    private static QueryLogger logger;
    private static DataSource logged;
    private static final List<RunningStatement> running = new CopyOnWriteArrayList<>();
    private static final LinkedBlockingQueue<QueryEvent> delivered = new LinkedBlockingQueue<>();
    private static final List<Long> runningSeenAt = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createSchema() throws SQLException {
        db = TestDatabases.withSchema(
                "CREATE TABLE big (id int PRIMARY KEY, val int NOT NULL)",
                "INSERT INTO big SELECT g, g % 100 FROM generate_series(1, 20000) g",
                "ANALYZE big",
                "CREATE TABLE audit (id serial PRIMARY KEY, note text)",
                "CREATE TABLE accounts (id serial PRIMARY KEY, password text)");
        logger = QueryLogger.builder().slowThreshold(THRESHOLD).logToSlf4j(true).listener(new QueryListener() {
            @Override
            public void onEvent(QueryEvent event) {
                delivered.add(event);
            }

            @Override
            public void onStillRunning(RunningStatement statement) {
                runningSeenAt.add(System.nanoTime());
                running.add(statement);
            }
        }).build();
        logged = logger.wrap(db.dataSource());
    }

    @AfterAll
    static void dropDatabase() {
        logger.close();
        db.close();
    }

    private static boolean genericPlans() {
        return TestDatabases.server().versionNum() >= 160000;
    }

    private static QueryEvent deliveredMatching(String sqlFragment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            QueryEvent event = delivered.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.sql().contains(sqlFragment)) {
                return event;
            }
        }
        throw new AssertionError("no event for " + sqlFragment + " reached the listener in " + WAIT);
    }

    /**
     * The statement waits for an advisory lock that another session holds until the scanner has reported it, so it
     * is still running when reported however slow the machine is (no sleep that a loaded machine could outlast).
     */
    @Test
    void reportsAStatementStillRunningAndCapturesItsPlan() throws Exception {
        running.clear();
        long returned;
        Duration took;
        try (Connection holder = db.connect(); Statement hold = holder.createStatement()) {
            hold.execute("SELECT pg_advisory_lock(4242)");
            Thread release = new Thread(() -> releaseOnceReported(hold), "release-lock");
            release.start();
            try (QueryScope scope = logger.startScope("waits"); Connection c = logged.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?) AS waited")) {
                ps.setLong(1, 4242);
                try (ResultSet rs = ps.executeQuery()) {
                    returned = System.nanoTime();
                    rs.next();
                }
                release.join();
                QueryEvent event = scope.log().events().get(0);
                assertThat(event.slow()).isTrue();
                took = event.duration();
                assertThat(event.reportedWhileRunning()).isTrue();
                QueryPlan plan = event.awaitPlan(WAIT).orElseThrow();
                assertThat(plan.isAvailable()).as(plan.summary()).isTrue();
                assertThat(plan.summary()).startsWith("Result (cost=");
                assertThat(plan.mode()).isEqualTo(genericPlans() ? QueryPlan.Mode.GENERIC : QueryPlan.Mode.BOUND_VALUES);
            }
        }
        assertThat(running).singleElement().satisfies(r -> {
            assertThat(r.sql()).isEqualTo("SELECT pg_advisory_lock(?) AS waited");
            assertThat(r.elapsed()).isGreaterThanOrEqualTo(THRESHOLD).isLessThan(took);
            assertThat(r.threadName()).isEqualTo(Thread.currentThread().getName());
        });
        assertThat(runningSeenAt.get(runningSeenAt.size() - 1)).as("reported before it finished").isLessThan(returned);
        QueryEvent heard = deliveredMatching("pg_advisory_lock(?) AS waited");
        assertThat(heard.plan()).as("listeners hear of a slow statement with its plan").isPresent();
    }

    /** Releases the lock once the scanner reported the waiting statement (or after WAIT, failing the test). */
    private static void releaseOnceReported(Statement hold) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (running.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            hold.execute("SELECT pg_advisory_unlock(4242)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void planOfASlowStatementOnATableShowsItsScan() throws Exception {
        String sql = "SELECT count(*) FROM big b WHERE b.val = ? AND (SELECT pg_sleep(0.15)) IS NOT NULL";
        try (QueryScope scope = logger.startScope("scan"); Connection c = logged.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, 7);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(200);
            }
            QueryEvent event = scope.log().events().get(0);
            QueryPlan plan = event.awaitPlan(WAIT).orElseThrow();
            assertThat(plan.json()).contains("\"Node Type\": \"Seq Scan\"").contains("\"Relation Name\": \"big\"");
            assertThat(plan.mode()).isEqualTo(genericPlans() ? QueryPlan.Mode.GENERIC : QueryPlan.Mode.BOUND_VALUES);
            assertThat(plan.json()).contains(genericPlans() ? "(val = $1)" : "(val = 7)");
            assertThat(dev.pgtestkit.querylog.internal.PlanText.tree(plan.json())).contains("-> Seq Scan on big b");
            assertThat(event.tables()).containsExactly("big");
        }
    }

    @Test
    void capturingAPlanNeverRunsTheStatementAgain() throws Exception {
        try (QueryScope scope = logger.startScope("insert"); Connection c = logged.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit (note) SELECT 'once' FROM (SELECT pg_sleep(0.15)) AS pause");
            QueryPlan plan = scope.log().events().get(0).awaitPlan(WAIT).orElseThrow();
            assertThat(plan.isAvailable()).as(plan.summary()).isTrue();
            assertThat(plan.mode()).isEqualTo(QueryPlan.Mode.NO_PARAMETERS);
            assertThat(plan.summary()).startsWith("Insert on audit");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit WHERE note = 'once'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void plansNeverShowSecretValuesBoundOrInlined() throws Exception {
        String bound = "sw0rdfish-" + System.nanoTime();
        String inlined = "inl1ne-" + System.nanoTime();
        try (QueryScope scope = logger.startScope("secrets"); Connection c = logged.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM accounts WHERE password = ? AND (SELECT pg_sleep(0.15)) IS NOT NULL")) {
                ps.setString(1, bound);
                ps.executeQuery().close();
            }
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM accounts WHERE password = '" + inlined
                        + "' AND (SELECT pg_sleep(0.15)) IS NOT NULL").close();
            }
            for (QueryEvent event : scope.log().events()) {
                QueryPlan plan = event.awaitPlan(WAIT).orElseThrow();
                assertThat(plan.isAvailable()).as(plan.summary()).isTrue();
                assertThat(plan.json()).doesNotContain(bound).doesNotContain(inlined);
                assertThat(event.sql()).doesNotContain(inlined);
            }
            assertThat(scope.log().events().get(1).plan().orElseThrow().json()).contains("'***'");
        }
    }

    /** A statement under the threshold is neither slow nor explained (an hour: no machine is that loaded). */
    @Test
    void fastStatementsAreNotSlowAndHaveNoPlan() throws SQLException {
        try (QueryLogger patient = QueryLogger.builder().slowThreshold(Duration.ofHours(1)).logToSlf4j(false).build();
                QueryScope scope = patient.startScope("fast"); Connection c = patient.wrap(db.dataSource())
                        .getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1").close();
            QueryEvent event = scope.log().events().get(0);
            assertThat(event.slow()).isFalse();
            assertThat(event.reportedWhileRunning()).isFalse();
            assertThat(event.plan()).isEmpty();
            QueryLogAssert.assertThat(scope.log()).hasNoSlowQueries();
        }
    }

    @Test
    void withoutADataSourceThePlanSaysHowToGetOne() throws SQLException {
        try (QueryLogger connectionOnly = QueryLogger.builder().slowThreshold(THRESHOLD).logToSlf4j(false).build();
                Connection raw = db.connect();
                QueryScope scope = connectionOnly.startScope("no source")) {
            Connection c = connectionOnly.wrap(raw);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_sleep(0.15) FROM big WHERE id = 1");
            }
            QueryPlan plan = scope.log().events().get(0).awaitPlan(WAIT).orElseThrow();
            assertThat(plan.isAvailable()).isFalse();
            assertThat(plan.summary()).isEqualTo("no DataSource to run EXPLAIN on: wrap a DataSource, or set"
                    + " QueryLogger.builder().planDataSource(...)");
        }
    }
}

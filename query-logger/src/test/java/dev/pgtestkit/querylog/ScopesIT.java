package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scopes as the JUnit extension uses them: one per test, all threads or one, reset, closed. */
class ScopesIT {

    private static DisposableDatabase db;

    @BeforeAll
    static void createSchema() throws SQLException {
        db = TestDatabases.withSchema("CREATE TABLE t (id int)");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static void run(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScopeSeesEveryThreadAThreadScopeOnlyItsOwn() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build()) {
            DataSource ds = logger.wrap(db.dataSource());
            try (QueryScope all = logger.startScope("all"); QueryScope mine = logger.startThreadScope("mine")) {
                run(ds, "INSERT INTO t (id) VALUES (1)");
                Future<?> done = other.submit(() -> run(ds, "INSERT INTO t (id) VALUES (2)"));
                done.get();
                assertThat(all.log().size()).isEqualTo(2);
                assertThat(mine.log().events()).singleElement()
                        .satisfies(e -> assertThat(e.sql()).isEqualTo("INSERT INTO t (id) VALUES (1)"));
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void resetForgetsAndCloseStopsRecordingAndTellsTheListeners() {
        List<String> closed = new CopyOnWriteArrayList<>();
        QueryListener listener = new QueryListener() {
            @Override
            public void onEvent(QueryEvent event) {
            }

            @Override
            public void onScopeClosed(String scopeName, QueryLog log) {
                closed.add(scopeName + ":" + log.size());
            }
        };
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).listener(listener).build()) {
            DataSource ds = logger.wrap(db.dataSource());
            QueryScope scope = logger.startScope("test");
            run(ds, "SELECT 1");
            scope.reset();
            run(ds, "SELECT 2");
            assertThat(scope.log().events()).extracting(QueryEvent::sql).containsExactly("SELECT 2");
            scope.close();
            scope.close();
            run(ds, "SELECT 3");
            assertThat(scope.isOpen()).isFalse();
            assertThat(scope.log().size()).isEqualTo(1);
            assertThat(closed).containsExactly("test:1");
            assertThat(logger.log().events()).extracting(QueryEvent::sql).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
            assertThat(logger.log().events()).extracting(QueryEvent::id).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void inScopesEveryExecutionHasItsOwnCallSite() {
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build()) {
            DataSource ds = logger.wrap(db.dataSource());
            try (QueryScope scope = logger.startScope("sites")) {
                for (int i = 0; i < 100; i++) {
                    run(ds, "SELECT 42");
                }
                assertThat(scope.log().events()).allSatisfy(e -> {
                    assertThat(e.callSiteInferred()).isFalse();
                    assertThat(e.callSite()).hasValueSatisfying(s -> assertThat(s.methodName()).isEqualTo("run"));
                });
            }
        }
    }

    @Test
    void outsideScopesCallSitesAreSampledAfterTheFirstExecutions() {
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build()) {
            DataSource ds = logger.wrap(db.dataSource());
            for (int i = 0; i < 400; i++) {
                run(ds, "SELECT 43");
            }
            List<QueryEvent> events = logger.log().events();
            assertThat(events.subList(0, 64)).noneMatch(QueryEvent::callSiteInferred);
            assertThat(events.subList(64, 400)).filteredOn(e -> !e.callSiteInferred()).as("executions 64, 72, ..., 392")
                    .hasSize(42);
            assertThat(events).allSatisfy(e -> assertThat(e.callSite()).isPresent());
        }
    }

    @Test
    void aHistoryOfNKeepsTheLastNEvents() {
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).historySize(4).build()) {
            DataSource ds = logger.wrap(db.dataSource());
            for (int i = 1; i <= 6; i++) {
                run(ds, "SELECT " + i);
            }
            assertThat(logger.log().events()).extracting(QueryEvent::sql)
                    .containsExactly("SELECT 3", "SELECT 4", "SELECT 5", "SELECT 6");
            assertThat(logger.summary()).startsWith("(2 older events are not in the history of 4; raise historySize to"
                    + " keep them)");
        }
    }
}

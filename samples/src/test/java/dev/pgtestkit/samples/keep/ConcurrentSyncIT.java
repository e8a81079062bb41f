package dev.pgtestkit.samples.keep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgtestkit.junit.PgTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Keep sync's known pitfall: two sync runs (a retried job, a full and an incremental one) writing the same
 * (user, note) pair at the same time. Real sessions racing on a real server, so no {@code @WithTransaction} here
 * (one pinned session cannot race with itself): the class gets a database of its own and each test its own users.
 */
@PgTest(migrations = KeepSyncDatabase.MIGRATIONS)
class ConcurrentSyncIT {

    private static final int WORKERS = 8;
    private static HikariDataSource pool;
    private static ExecutorService threads;

    @BeforeAll
    static void pool(DataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(WORKERS);
        config.setPoolName("keep-sync-test");
        pool = new HikariDataSource(config);
        threads = Executors.newFixedThreadPool(WORKERS);
    }

    @AfterAll
    static void close() {
        threads.shutdownNow();
        pool.close();
    }

    @Test
    void concurrentUpsertsOfOnePairLeaveOneRowAndNoError() throws Exception {
        KeepSyncDatabase db = KeepSyncDatabase.on(pool);
        CyclicBarrier start = new CyclicBarrier(WORKERS);
        List<Future<SyncState>> results = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            String page = "page-" + i;
            results.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return db.upsertSyncState("racer", "note_1", page, Instant.now());
            }));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<SyncState> result : results) {
            ids.add(result.get(30, TimeUnit.SECONDS).id());
        }

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(db.getSyncStateByUser("racer")).singleElement()
                .satisfies(state -> assertThat(state.notionPageId()).matches("page-[0-7]"));
    }

    /** What the seed's SQLAlchemy code did (query, then add if missing) fails the moment two runs meet. */
    @Test
    void readThenInsertLosesTheRaceWithAUniqueViolation() throws Exception {
        String check = "SELECT 1 FROM sync_state WHERE user_id = 'naive' AND keep_note_id = 'note_1'";
        String insert = "INSERT INTO sync_state (user_id, keep_note_id, notion_page_id) VALUES ('naive', 'note_1', ?)";
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(exists(first, check)).isFalse();
            assertThat(exists(second, check)).isFalse(); // both decide to insert
            update(first, insert, "page-a");
            CompletableFuture<Integer> secondInsert = CompletableFuture.supplyAsync(
                    () -> update(second, insert, "page-b"), threads); // waits for the first transaction
            first.commit();

            assertThatThrownBy(() -> secondInsert.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .rootCause().isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                            .isEqualTo("23505"))
                    .hasMessageContaining("duplicate key value violates unique constraint \"uq_user_keep_note\"");
            second.rollback();
        }
    }

    @Test
    void concurrentProgressIncrementsAddUp() throws Exception {
        KeepSyncDatabase db = KeepSyncDatabase.on(pool);
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "counter", true).jobId();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            done.add(threads.submit(() -> {
                for (int n = 0; n < 25; n++) {
                    db.incrementSyncJobProgress(jobId, 1, n % 5 == 0 ? 1 : 0);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }

        SyncJob job = db.getSyncJob(jobId).orElseThrow();
        assertThat(List.of(job.processedNotes(), job.failedNotes())).containsExactly(WORKERS * 25, WORKERS * 5);
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            return rs.next();
        }
    }

    private static int update(Connection connection, String sql, String page) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, page);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

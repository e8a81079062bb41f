package dev.pgtestkit.samples.keep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.junit.MockData;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryLogAssert;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The seed's {@code DatabaseOperations} calls on real PostgreSQL, each test in a transaction rolled back at its end
 * (the seed tested them on in-memory SQLite).
 */
@PgTest(migrations = KeepSyncDatabase.MIGRATIONS)
@WithTransaction
class KeepSyncDatabaseIT {

    private static final CredentialCipher CIPHER = CredentialCipher.of(new byte[32]); // tests supply their own key
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aJobIsCreatedQueuedAndItsCountersAddUp(DataSource dataSource) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);
        UUID jobId = UUID.randomUUID();

        SyncJob created = db.createSyncJob(jobId, "user123", true);
        db.updateSyncJob(jobId, JobStatus.QUEUED, JobStatus.RUNNING, null);
        db.setTotalNotes(jobId, 3);
        db.incrementSyncJobProgress(jobId, 1, 0);
        db.incrementSyncJobProgress(jobId, 1, 1);

        assertThat(created.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(created.fullSync()).isTrue();
        SyncJob job = db.getSyncJob(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(List.of(job.totalNotes(), job.processedNotes(), job.failedNotes())).containsExactly(3, 2, 1);
        assertThat(job.completedAt()).isNull();
    }

    @Test
    void aJobMovesOnlyForwardAndOnlyFromTheStatusTheCallerSaw(DataSource dataSource) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "user123", false).jobId();
        db.updateSyncJob(jobId, JobStatus.QUEUED, JobStatus.RUNNING, null);

        // a second worker picking the same queued job up loses
        assertThatThrownBy(() -> db.updateSyncJob(jobId, JobStatus.QUEUED, JobStatus.RUNNING, null))
                .hasMessage("Sync job " + jobId + " is running, not queued: it cannot go to running");
        assertThatThrownBy(() -> db.updateSyncJob(jobId, JobStatus.COMPLETED, JobStatus.RUNNING, null))
                .hasMessage("A sync job cannot go from completed to running");

        SyncJob failed = db.updateSyncJob(jobId, JobStatus.RUNNING, JobStatus.FAILED, "Keep Extractor down");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("Keep Extractor down");
        assertThat(failed.completedAt()).isNotNull();
    }

    @Test
    void upsertInsertsOnceThenUpdatesTheSameRow(DataSource dataSource) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);

        SyncState first = db.upsertSyncState("user123", "note_1", "page_1", MONDAY);
        SyncState second = db.upsertSyncState("user123", "note_1", "page_1b", MONDAY.plus(1, ChronoUnit.DAYS));
        db.upsertSyncState("user123", "note_2", "page_2", MONDAY);
        db.upsertSyncState("someone_else", "note_1", "page_9", MONDAY);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(db.getSyncRecord("user123", "note_1").orElseThrow())
                .extracting(SyncState::notionPageId, SyncState::keepModifiedAt)
                .containsExactly("page_1b", MONDAY.plus(1, ChronoUnit.DAYS));
        assertThat(db.getSyncStateByUser("user123")).extracting(SyncState::keepNoteId)
                .containsExactly("note_1", "note_2");
        assertThat(db.getSyncRecord("user123", "note_3")).isEmpty();
    }

    @Test
    void credentialsAreStoredEncryptedAndReadBackDecrypted(DataSource dataSource, Rows rows) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);
        db.storeCredentials("user123", "google_token", "notion_token", "db_id", CIPHER);

        Map<String, Object> stored = rows.getBy("credentials", "userId", "user123").orElseThrow();
        assertThat(stored.get("google_oauth_token")).asString().doesNotContain("google_token").isBase64();
        assertThat(stored.get("notion_api_token")).asString().doesNotContain("notion_token");
        assertThat(db.getCredentials("user123", CIPHER).orElseThrow())
                .extracting(Credentials::googleOauthToken, Credentials::notionApiToken, Credentials::notionDatabaseId)
                .containsExactly("google_token", "notion_token", "db_id");

        db.storeCredentials("user123", "google_token_2", "notion_token_2", "db_id", CIPHER); // replaces
        assertThat(db.getCredentials("user123", CIPHER).orElseThrow().googleOauthToken()).isEqualTo("google_token_2");
        assertThat(db.deleteCredentials("user123")).isTrue();
        assertThat(db.getCredentials("user123", CIPHER)).isEmpty();
        assertThat(db.deleteCredentials("user123")).isFalse();
    }

    @Test
    void aCiphertextDoesNotDecryptWithAnotherKeyNorInAnotherUsersRow(DataSource dataSource, Rows rows) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);
        db.storeCredentials("alice", "alice_google", "alice_notion", "db_a", CIPHER);
        db.storeCredentials("mallory", "m_google", "m_notion", "db_m", CIPHER);
        CredentialCipher otherKey = CredentialCipher.fromEnvironment(
                Map.of(CredentialCipher.KEY_VARIABLE, CredentialCipher.generateKey()));

        assertThatThrownBy(() -> db.getCredentials("alice", otherKey))
                .hasMessageStartingWith("Could not decrypt alice/google_oauth_token: the key (KEEP_SYNC_ENCRYPTION_KEY)");

        Map<String, Object> alice = rows.getBy("credentials", "user_id", "alice").orElseThrow();
        rows.update("credentials", Map.of("google_oauth_token", alice.get("google_oauth_token")),
                Map.of("user_id", "mallory"));
        assertThatThrownBy(() -> db.getCredentials("mallory", CIPHER))
                .hasMessageContaining("copied from another row");
    }

    @Test
    void aMissingOrBadKeyIsNamed() {
        assertThatThrownBy(() -> CredentialCipher.fromEnvironment(Map.of()))
                .hasMessageStartingWith("KEEP_SYNC_ENCRYPTION_KEY is not set.");
        assertThatThrownBy(() -> CredentialCipher.fromEnvironment(Map.of(CredentialCipher.KEY_VARIABLE, "c2hvcnQ=")))
                .hasMessageContaining("An AES key has 16, 24 or 32 bytes, this one has 5");
    }

    @Test
    void syncLogsComeNewestFirstUpToTheLimit(DataSource dataSource) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "user123", false).jobId();
        for (int i = 1; i <= 5; i++) {
            db.addSyncLog(jobId, SyncLog.Level.INFO, "Processing note_" + i, "note_" + i);
        }
        db.addSyncLog(jobId, SyncLog.Level.ERROR, "Notion rate limit", null);

        assertThat(db.getSyncLogs(jobId, 3)).extracting(SyncLog::message)
                .containsExactly("Notion rate limit", "Processing note_5", "Processing note_4");
        assertThat(db.getSyncLogs(jobId, 100)).hasSize(6);
    }

    @Test
    @MockData(table = "sync_jobs", rows = 45, seed = 1,
              columns = @MockData.Column(name = "userId", value = "user123")) // every mock job is one user's
    void jobsArePagedNewestFirst(DataSource dataSource, Rows rows) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);
        assertThat(rows.count("sync_jobs", Map.of("userId", "user123"))).isEqualTo(45);

        List<SyncJob> first = db.getSyncJobsByUser("user123", 20, 0);
        List<SyncJob> third = db.getSyncJobsByUser("user123", 20, 40);

        assertThat(first).hasSize(20).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
        assertThat(third).hasSize(5);
        assertThat(first).doesNotContainAnyElementsOf(third);
    }

    /** The admin screen's history: the first version's query count grows with the page, the fixed one's does not. */
    @Test
    @MockData(table = "sync_jobs", rows = 12, seed = 2, columns = @MockData.Column(name = "user_id", value = "user123"),
              children = @MockData.Child(table = "sync_logs", count = 0, max = 6))
    void theJobHistoryRunsOneQueryHoweverManyJobsItShows(DataSource dataSource, QueryLogger queries) {
        KeepSyncDatabase db = KeepSyncDatabase.on(dataSource);

        QueryLog perJob = logOf(queries, () -> db.jobHistoryOneQueryPerJob("user123", 10));
        QueryLog fixed = logOf(queries, () -> db.jobHistory("user123", 10));

        assertThatThrownBy(() -> QueryLogAssert.assertThat(perJob).hasNoNPlusOne())
                .isInstanceOf(AssertionError.class).hasMessageContaining("FROM sync_logs WHERE job_id = ?");
        QueryLogAssert.assertThat(fixed).hasSelectCount(1).hasNoNPlusOne();
        assertThat(db.jobHistory("user123", 10)).isEqualTo(db.jobHistoryOneQueryPerJob("user123", 10))
                .hasSize(10).anySatisfy(entry -> assertThat(entry.problems()).isPositive());
    }

    private static QueryLog logOf(QueryLogger queries, Supplier<?> work) {
        try (QueryScope scope = queries.startScope("job history")) {
            work.get();
            return scope.log();
        }
    }
}

package dev.pgtestkit.samples.keep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import dev.pgtestkit.querylog.QueryLogAssert;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import dev.pgtestkit.querylog.StatementType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator's job lifecycle on real PostgreSQL. It commits once per note; {@code @WithTransaction} turns
 * those commits into savepoint releases, so each test still leaves nothing behind, and a failed note's rollback is
 * a real rollback of that note's work only.
 */
@PgTest(migrations = KeepSyncDatabase.MIGRATIONS)
@WithTransaction
class SyncOrchestratorIT {

    private static final CredentialCipher CIPHER = CredentialCipher.of(new byte[16]);
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    private final FakeServices services = new FakeServices();
    private KeepSyncDatabase db;
    private SyncOrchestrator orchestrator;

    @BeforeEach
    void storeCredentials(DataSource dataSource) {
        db = KeepSyncDatabase.on(dataSource);
        orchestrator = new SyncOrchestrator(db, CIPHER, services, services);
        db.storeCredentials("user123", "google", "notion", "notion-db", CIPHER);
        IntStream.rangeClosed(1, 6).forEach(i -> services.notes.add(note(i, T0)));
    }

    @Test
    void aFullSyncGoesFromQueuedToCompletedAndRecordsEveryNote() {
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "user123", true).jobId();
        List<JobStatus> seenWhileWriting = new ArrayList<>();
        services.beforeEachWrite = note -> seenWhileWriting.add(db.getSyncJob(jobId).orElseThrow().status());

        SyncSummary summary = orchestrator.execute(jobId);

        assertThat(summary).isEqualTo(new SyncSummary(jobId, JobStatus.COMPLETED, 6, 6, 0, null));
        assertThat(seenWhileWriting).containsOnly(JobStatus.RUNNING).hasSize(6);
        assertThat(db.getSyncJob(jobId).orElseThrow().completedAt()).isNotNull();
        assertThat(db.getSyncStateByUser("user123")).extracting(SyncState::notionPageId)
                .containsExactly("page-note_1", "page-note_2", "page-note_3", "page-note_4", "page-note_5",
                        "page-note_6");
        assertThat(db.getSyncLogs(jobId, 1).get(0).message()).isEqualTo("Sync completed: 6 synced, 0 failed");
    }

    @Test
    void progressIsVisibleWhileTheJobRuns() {
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "user123", true).jobId();
        List<Integer> processedBeforeEachWrite = new ArrayList<>();
        services.beforeEachWrite = note -> processedBeforeEachWrite.add(
                db.getSyncJob(jobId).orElseThrow().processedNotes());

        orchestrator.execute(jobId);

        assertThat(processedBeforeEachWrite).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aFailingNoteIsRolledBackAloneCountedAndLoggedAndTheJobCompletes(Rows rows) {
        services.notionRejects = Set.of("note_3");
        services.notes.add(new KeepNote("n".repeat(300), "too long an id", "", T0)); // varchar(255): the DB refuses
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "user123", true).jobId();

        SyncSummary summary = orchestrator.execute(jobId);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(List.of(summary.totalNotes(), summary.processedNotes(), summary.failedNotes()))
                .containsExactly(7, 5, 2);
        assertThat(db.getSyncStateByUser("user123")).extracting(SyncState::keepNoteId)
                .containsExactly("note_1", "note_2", "note_4", "note_5", "note_6");
        assertThat(rows.fetch("sync_logs", Map.of("job_id", jobId, "level", "WARNING")))
                .extracting(row -> row.get("message")).satisfiesExactlyInAnyOrder(
                        m -> assertThat(m).asString().contains("Notion API 400"),
                        m -> assertThat(m).asString().contains("value too long for type character varying(255)"));
        // the note the database refused was rolled back with its progress increment and its INFO line
        assertThat(rows.count("sync_logs", Map.of("job_id", jobId, "level", "INFO"))).isEqualTo(5 + 2);
    }

    @Test
    void anExtractorFailureFailsTheJobWithItsError() {
        services.extractorFailure = new IllegalStateException("Keep Extractor returned 503");
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "user123", false).jobId();

        SyncSummary summary = orchestrator.execute(jobId);

        assertThat(summary.status()).isEqualTo(JobStatus.FAILED);
        assertThat(summary.error()).isEqualTo("IllegalStateException: Keep Extractor returned 503");
        assertThat(db.getSyncLogs(jobId, 1)).singleElement()
                .satisfies(log -> assertThat(log.level()).isEqualTo(SyncLog.Level.ERROR));
    }

    @Test
    void aUserWithoutCredentialsFailsTheJob() {
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "nobody", true).jobId();

        assertThat(orchestrator.execute(jobId).error())
                .isEqualTo("IllegalStateException: No credentials stored for user nobody");
    }

    @Test
    void anIncrementalSyncWritesOnlyNewAndChangedNotesAndReadsTheSyncStateOnce(QueryLogger queries) {
        orchestrator.execute(db.createSyncJob(UUID.randomUUID(), "user123", true).jobId());
        services.notes.set(1, note(2, T0.plus(1, ChronoUnit.HOURS))); // changed in Keep
        services.notes.add(note(7, T0));                              // new
        UUID jobId = db.createSyncJob(UUID.randomUUID(), "user123", false).jobId();

        SyncSummary summary;
        try (QueryScope scope = queries.startScope("incremental sync")) {
            summary = orchestrator.execute(jobId);
            QueryLogAssert.assertThat(scope.log()).hasNoNPlusOne()
                    .hasStatementCountForTable(StatementType.SELECT, "sync_state", 1);
        }

        assertThat(summary).isEqualTo(new SyncSummary(jobId, JobStatus.COMPLETED, 2, 2, 0, null));
        assertThat(services.updatedPages).containsExactly("page-note_2");
        assertThat(db.getSyncRecord("user123", "note_7")).isPresent();
    }

    private static KeepNote note(int i, Instant modifiedAt) {
        return new KeepNote("note_" + i, "Note " + i, "text of note " + i, modifiedAt);
    }
}

package dev.pgtestkit.samples.keep;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Sync Service's orchestrator (seed 001): loads the user's credentials, fetches the notes, decides which ones
 * to sync (all of them, or those changed since their last sync), writes each to Notion and records it.
 *
 * <p>Each note is one transaction (its page, sync state, progress counter and log line commit together), so a
 * failing note is rolled back alone, counted in {@code failed_notes} and logged as a WARNING, and the job goes on.
 * A failure of the whole run (no credentials, the extractor down) marks the job {@code failed} with the error.
 */
public final class SyncOrchestrator {

    private static final int MAX_NOTE_ID = 255; // sync_state.keep_note_id, sync_logs.keep_note_id

    private final KeepSyncDatabase db;
    private final CredentialCipher cipher;
    private final KeepExtractor extractor;
    private final NotionWriter writer;

    /** An orchestrator over the data layer, the credentials' cipher and the two services. */
    public SyncOrchestrator(KeepSyncDatabase db, CredentialCipher cipher, KeepExtractor extractor,
            NotionWriter writer) {
        this.db = db;
        this.cipher = cipher;
        this.extractor = extractor;
        this.writer = writer;
    }

    /** Runs a queued job to {@code completed} or {@code failed} (the seed's {@code POST /internal/sync/execute}). */
    public SyncSummary execute(UUID jobId) {
        SyncJob job = db.getSyncJob(jobId).orElseThrow(() -> new NoSuchElementException("No sync job " + jobId));
        db.updateSyncJob(jobId, JobStatus.QUEUED, JobStatus.RUNNING, null);
        db.addSyncLog(jobId, SyncLog.Level.INFO, (job.fullSync() ? "Full" : "Incremental") + " sync started", null);
        try {
            Credentials credentials = db.getCredentials(job.userId(), cipher).orElseThrow(
                    () -> new IllegalStateException("No credentials stored for user " + job.userId()));
            // One query for the user's whole sync state, not one get_sync_record per note.
            Map<String, SyncState> synced = db.getSyncStateByUser(job.userId()).stream()
                    .collect(Collectors.toMap(SyncState::keepNoteId, Function.identity()));
            List<KeepNote> notes = notesToSync(job, synced, extractor.fetchNotes(credentials.googleOauthToken()));
            db.setTotalNotes(jobId, notes.size());
            for (KeepNote note : notes) {
                SyncState state = synced.get(note.id());
                syncOne(job, credentials, note, state == null ? null : state.notionPageId());
            }
            SyncJob done = db.updateSyncJob(jobId, JobStatus.RUNNING, JobStatus.COMPLETED, null);
            db.addSyncLog(jobId, SyncLog.Level.INFO, "Sync completed: " + done.processedNotes() + " synced, "
                    + done.failedNotes() + " failed", null);
            return summary(done);
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            db.addSyncLog(jobId, SyncLog.Level.ERROR, "Sync failed: " + error, null);
            return summary(db.updateSyncJob(jobId, JobStatus.RUNNING, JobStatus.FAILED, error));
        }
    }

    /** All notes for a full sync; otherwise the new ones and those changed since their last sync. */
    private static List<KeepNote> notesToSync(SyncJob job, Map<String, SyncState> synced, List<KeepNote> notes) {
        if (job.fullSync()) {
            return notes;
        }
        return notes.stream().filter(note -> {
            SyncState state = synced.get(note.id());
            return state == null || state.keepModifiedAt() == null || note.modifiedAt().isAfter(state.keepModifiedAt());
        }).toList();
    }

    private void syncOne(SyncJob job, Credentials credentials, KeepNote note, String existingPage) {
        try {
            db.inTransaction(tx -> {
                String pageId = existingPage;
                if (pageId == null) {
                    pageId = writer.createPage(credentials.notionApiToken(), credentials.notionDatabaseId(), note);
                } else {
                    writer.updatePage(credentials.notionApiToken(), pageId, note);
                }
                tx.upsertSyncState(job.userId(), note.id(), pageId, note.modifiedAt());
                tx.incrementSyncJobProgress(job.jobId(), 1, 0);
                tx.addSyncLog(job.jobId(), SyncLog.Level.INFO, "Synced note to page " + pageId, note.id());
                return pageId;
            });
        } catch (RuntimeException e) {
            // The note itself may be what the database refused (an id longer than keep_note_id's 255 characters):
            // its failure must still be recordable.
            boolean idFits = note.id().length() <= MAX_NOTE_ID;
            String message = "Failed to sync note" + (idFits ? "" : " " + note.id().substring(0, 40) + "...") + ": "
                    + e.getMessage();
            db.inTransaction(tx -> {
                tx.incrementSyncJobProgress(job.jobId(), 0, 1);
                tx.addSyncLog(job.jobId(), SyncLog.Level.WARNING, message, idFits ? note.id() : null);
                return null;
            });
        }
    }

    private static SyncSummary summary(SyncJob job) {
        return new SyncSummary(job.jobId(), job.status(), job.totalNotes(), job.processedNotes(), job.failedNotes(),
                job.errorMessage());
    }
}

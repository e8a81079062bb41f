package dev.pgtestkit.samples.keep;

import java.util.UUID;

/** What {@link SyncOrchestrator#execute} answers (the seed's {@code /internal/sync/execute} response). */
public record SyncSummary(UUID jobId, JobStatus status, int totalNotes, int processedNotes, int failedNotes,
        String error) {
}

package dev.pgtestkit.samples.keep;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code sync_jobs}: one synchronisation run for a user, with its progress counters. */
public record SyncJob(UUID jobId, String userId, JobStatus status, boolean fullSync, int totalNotes,
        int processedNotes, int failedNotes, String errorMessage, Instant createdAt, Instant completedAt) {
}

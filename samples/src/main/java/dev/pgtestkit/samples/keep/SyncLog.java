package dev.pgtestkit.samples.keep;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code sync_logs}: one message of a job, optionally about one note. */
public record SyncLog(long id, UUID jobId, String keepNoteId, Level level, String message, Instant createdAt) {

    /** The levels {@code sync_logs_level_check} allows. */
    public enum Level {
        INFO, WARNING, ERROR
    }
}

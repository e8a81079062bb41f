package dev.pgtestkit.samples.keep;

import java.time.Instant;

/** A row of {@code sync_state}: which Notion page a user's Keep note was written to, and when. */
public record SyncState(long id, String userId, String keepNoteId, String notionPageId, Instant lastSyncedAt,
        Instant keepModifiedAt) {
}

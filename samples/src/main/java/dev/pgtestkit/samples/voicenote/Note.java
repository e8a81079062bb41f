package dev.pgtestkit.samples.voicenote;

import java.util.List;

/** A row of {@code notes}: a voice note's title, summary, times (epoch milliseconds) and flags. */
public record Note(String id, String userId, String title, String summary, long timestamp, Priority priority,
        NoteStatus status, boolean pinned, List<String> documentUrls) {

    /** A new note with the given fields and no documents. */
    public static Note of(String id, String userId, String title, long timestamp) {
        return new Note(id, userId, title, null, timestamp, Priority.MEDIUM, NoteStatus.PENDING, false, List.of());
    }
}

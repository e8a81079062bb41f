package dev.pgtestkit.samples.voicenote;

import java.util.List;

/** A row of {@code tasks}: an action item of a note, assigned to people stored in a JSONB array. */
public record Task(String id, String noteId, String description, boolean done, Long deadline, Priority priority,
        List<String> assignedTo) {
}

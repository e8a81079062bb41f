package dev.pgtestkit.samples.voicenote;

import java.util.List;

/** A line of the notes screen: a note and its live tasks. */
public record NoteWithTasks(Note note, List<Task> tasks) {
}

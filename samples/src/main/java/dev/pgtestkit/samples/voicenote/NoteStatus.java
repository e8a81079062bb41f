package dev.pgtestkit.samples.voicenote;

/** The {@code note_status} enum type. */
public enum NoteStatus {
    PENDING, DONE, DELAYED
}

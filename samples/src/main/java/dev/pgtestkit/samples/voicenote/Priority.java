package dev.pgtestkit.samples.voicenote;

/** The {@code priority} enum type of notes and tasks. */
public enum Priority {
    HIGH, MEDIUM, LOW
}

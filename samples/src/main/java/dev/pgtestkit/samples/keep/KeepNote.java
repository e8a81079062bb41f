package dev.pgtestkit.samples.keep;

import java.time.Instant;

/** A note as the Keep Extractor service returns it. */
public record KeepNote(String id, String title, String text, Instant modifiedAt) {
}

package dev.pgtestkit.mock;

/** Format of the rows streamed to COPY or written to files. */
public enum CopyFormat {
    /** Postgres' text format: tab-separated, {@code \N} for NULL, backslash escapes. The fastest. */
    TEXT,
    /** CSV: comma-separated, quoted where needed, empty unquoted field for NULL. */
    CSV
}

package dev.pgtestkit.samples.keep;

import java.util.Locale;

/** A sync job's lifecycle: {@code queued → running → completed | failed}, stored in lower case. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    /** The value stored in {@code sync_jobs.status}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.pgtestkit.samples.keep;

/** A line of a user's job history: the job and how many WARNING or ERROR messages it logged. */
public record JobHistoryEntry(SyncJob job, int problems) {
}

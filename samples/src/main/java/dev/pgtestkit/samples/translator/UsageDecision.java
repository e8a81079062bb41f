package dev.pgtestkit.samples.translator;

/** Whether a request may run: the tier, the requests counted in the last 24 hours (before it) and the limit. */
public record UsageDecision(boolean allowed, Tier tier, long used, int limit) {
}

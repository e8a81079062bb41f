package dev.pgtestkit.samples.translator;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code api_keys}; the key itself is never stored, only its SHA-256. */
public record ApiKey(UUID id, UUID userId, String name, boolean active, Instant lastUsed, Instant expiresAt) {
}

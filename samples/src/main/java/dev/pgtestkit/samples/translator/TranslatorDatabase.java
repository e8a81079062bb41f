package dev.pgtestkit.samples.translator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The AI Error Translator's repositories (seed 004) on Jdbi: users, API keys (hashes only), subscriptions, usage
 * logs with the error-rate and last-24-hours queries, the usage limit, and the token blacklist. Times are passed in
 * ({@code now}) so that boundaries can be tested exactly.
 */
public final class TranslatorDatabase {

    /** The Flyway location of this application's migrations. */
    public static final String MIGRATIONS = "classpath:db/translator";

    /** The endpoint whose requests count toward the daily limit. */
    public static final String TRANSLATE = "/v1/translate";

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    /** The repositories on a DataSource (a HikariCP pool of 10 in production, as the seed configures). */
    public TranslatorDatabase(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    // ---- users

    /** Registers a user on the free tier and returns its id. */
    public UUID createUser(String email, String fullName, String hashedPassword) {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO users (email, full_name, hashed_password)"
                + " VALUES (lower(:email), :name, :password) RETURNING id")
                .bind("email", email).bind("name", fullName).bind("password", hashedPassword)
                .mapTo(UUID.class).one());
    }

    // ---- API keys

    /** Creates a key; its plaintext is returned once and only its SHA-256 is stored. */
    public NewApiKey createApiKey(UUID userId, String name, Instant expiresAt) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String plaintext = "aet_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = jdbi.withHandle(h -> h.createQuery("INSERT INTO api_keys (user_id, key_hash, name, expires_at)"
                + " VALUES (:user, :hash, :name, :expires) RETURNING *")
                .bind("user", userId).bind("hash", sha256(plaintext)).bind("name", name)
                .bind("expires", utc(expiresAt)).map(TranslatorDatabase::apiKey).one());
        return new NewApiKey(key, plaintext);
    }

    /**
     * The active, unexpired key whose hash matches, its {@code last_used} set to {@code now}; empty for an unknown,
     * deactivated or expired key (the request is then refused, without saying which).
     */
    public Optional<ApiKey> authenticate(String plaintext, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("UPDATE api_keys SET last_used = :now WHERE key_hash = :hash"
                + " AND is_active AND (expires_at IS NULL OR expires_at > :now) RETURNING *")
                .bind("hash", sha256(plaintext)).bind("now", utc(now)).map(TranslatorDatabase::apiKey).findOne());
    }

    /** The user's keys, newest first. */
    public List<ApiKey> apiKeys(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE user_id = :user"
                + " ORDER BY created_at DESC, id").bind("user", userId).map(TranslatorDatabase::apiKey).list());
    }

    /** Deactivates one of the user's keys; false when it is not theirs. */
    public boolean deactivateApiKey(UUID userId, UUID keyId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET is_active = false WHERE id = :key"
                + " AND user_id = :user").bind("key", keyId).bind("user", userId).execute()) > 0;
    }

    /** The dashboard's count of active keys for each of these users, in one query (users without keys: 0). */
    public Map<UUID, Integer> activeKeyCounts(List<UUID> userIds) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        userIds.forEach(id -> counts.put(id, 0));
        jdbi.useHandle(h -> h.createQuery("SELECT user_id, count(*)::int AS keys FROM api_keys"
                + " WHERE user_id = ANY (:users) AND is_active GROUP BY user_id")
                .bindArray("users", UUID.class, userIds)
                .map((rs, ctx) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getInt("keys")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** The same counts as the dashboard first read them: one query per user (an N+1). */
    public Map<UUID, Integer> activeKeyCountsOneQueryPerUser(List<UUID> userIds) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        for (UUID id : userIds) {
            counts.put(id, jdbi.withHandle(h -> h.createQuery("SELECT count(*)::int FROM api_keys"
                    + " WHERE user_id = :user AND is_active").bind("user", id).mapTo(Integer.class).one()));
        }
        return counts;
    }

    /** Deletes keys that expired before {@code now}; returns how many. */
    public int cleanupExpiredKeys(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_keys WHERE expires_at <= :now")
                .bind("now", utc(now)).execute());
    }

    // ---- subscriptions

    /** Records a paid subscription for the period [start, end). */
    public void subscribe(UUID userId, Tier tier, String stripeSubscriptionId, Instant start, Instant end) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO subscriptions (user_id, stripe_subscription_id, tier, current_period_start,"
                    + " current_period_end) VALUES (:user, :stripe, :tier, :start, :end)")
                    .bind("user", userId).bind("stripe", stripeSubscriptionId).bind("tier", tier.value())
                    .bind("start", utc(start)).bind("end", utc(end)).execute();
            h.createUpdate("UPDATE users SET subscription_tier = :tier, updated_at = now() WHERE id = :user")
                    .bind("tier", tier.value()).bind("user", userId).execute();
        });
    }

    /** The tier in force at {@code now}: an active subscription whose period holds it, else free. */
    public Tier tierAt(UUID userId, Instant now) {
        return jdbi.withHandle(h -> tierAt(h, userId, now));
    }

    private static Tier tierAt(Handle h, UUID userId, Instant now) {
        return h.createQuery("SELECT tier FROM subscriptions WHERE user_id = :user AND status = 'active'"
                + " AND current_period_start <= :now AND current_period_end > :now"
                + " ORDER BY current_period_end DESC LIMIT 1")
                .bind("user", userId).bind("now", utc(now)).mapTo(String.class).findOne().map(Tier::of)
                .orElse(Tier.FREE);
    }

    // ---- usage

    /** Logs one request. */
    public void logUsage(UUID userId, String endpoint, String method, int statusCode, int responseTimeMs,
            String errorType, Instant at) {
        jdbi.useHandle(h -> insertUsage(h, userId, endpoint, method, statusCode, responseTimeMs, errorType, at));
    }

    /**
     * Admits a translation request if the user's tier allows one more in the 24 hours up to {@code now}, and logs
     * it (status 200) in the same transaction; a refused request is logged as 429, which does not count. The
     * user's row is locked first, so concurrent requests of one user are counted one after the other: at 99 of
     * 100, two simultaneous requests cannot both pass.
     */
    public UsageDecision admitTranslation(UUID userId, Instant now) {
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT id FROM users WHERE id = :user FOR UPDATE").bind("user", userId)
                    .mapTo(UUID.class).findOne().isPresent();
            if (!exists) {
                throw new IllegalArgumentException("No user " + userId);
            }
            Tier tier = tierAt(h, userId, now);
            long used = countedRequests(h, userId, now);
            boolean allowed = used < tier.dailyRequests();
            insertUsage(h, userId, TRANSLATE, "POST", allowed ? 200 : 429, 0, allowed ? null : "RateLimitExceeded",
                    now);
            return new UsageDecision(allowed, tier, used, tier.dailyRequests());
        });
    }

    /** Requests that count toward the limit in the 24 hours up to {@code now}: (now - 24h, now]. */
    public long countedRequests(UUID userId, Instant now) {
        return jdbi.withHandle(h -> countedRequests(h, userId, now));
    }

    private static long countedRequests(Handle h, UUID userId, Instant now) {
        return h.createQuery("SELECT count(*) FROM usage_logs WHERE user_id = :user AND endpoint = :endpoint"
                + " AND status_code <> 429 AND created_at > :since AND created_at <= :now")
                .bind("user", userId).bind("endpoint", TRANSLATE).bind("since", utc(now.minus(WINDOW)))
                .bind("now", utc(now)).mapTo(Long.class).one();
    }

    /** Requests of everyone in the 24 hours up to {@code now} (the seed's monitoring query). */
    public long requestsLast24Hours(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM usage_logs WHERE created_at > :since"
                + " AND created_at <= :now").bind("since", utc(now.minus(WINDOW))).bind("now", utc(now))
                .mapTo(Long.class).one());
    }

    /** Percentage of requests answered with status 400 or more in the 24 hours up to {@code now}; 0 with none. */
    public double errorRateLast24Hours(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(count(*) FILTER (WHERE status_code >= 400)"
                + " * 100.0 / nullif(count(*), 0), 0) FROM usage_logs WHERE created_at > :since AND created_at <= :now")
                .bind("since", utc(now.minus(WINDOW))).bind("now", utc(now)).mapTo(Double.class).one());
    }

    /** Deletes usage logs older than {@code days} before {@code now}; returns how many. */
    public int cleanupOldLogs(int days, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM usage_logs WHERE created_at < :before")
                .bind("before", utc(now.minus(Duration.ofDays(days)))).execute());
    }

    // ---- token blacklist

    /** Revokes a JWT until it would have expired anyway; revoking it again changes nothing. */
    public void revokeToken(String jti, String tokenType, Instant expiresAt, String revokedBy, String reason) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO token_blacklist (token_jti, token_type, expires_at, revoked_by,"
                + " revocation_reason) VALUES (:jti, :type, :expires, :by, :reason) ON CONFLICT (token_jti) DO NOTHING")
                .bind("jti", jti).bind("type", tokenType).bind("expires", utc(expiresAt)).bind("by", revokedBy)
                .bind("reason", reason).execute());
    }

    /** Whether a token is revoked (an entry exists, expired or not: an expired token is refused anyway). */
    public boolean isRevoked(String jti) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM token_blacklist WHERE token_jti = :jti)")
                .bind("jti", jti).mapTo(Boolean.class).one());
    }

    /** Deletes entries whose tokens expired at or before {@code now} (nobody can present them any more). */
    public int cleanupExpiredTokens(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM token_blacklist WHERE expires_at <= :now")
                .bind("now", utc(now)).execute());
    }

    static String sha256(String plaintext) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void insertUsage(Handle h, UUID userId, String endpoint, String method, int statusCode,
            int responseTimeMs, String errorType, Instant at) {
        h.createUpdate("INSERT INTO usage_logs (user_id, endpoint, method, status_code, response_time_ms, error_type,"
                + " created_at) VALUES (:user, :endpoint, :method, :status, :time, :error, :at)")
                .bind("user", userId).bind("endpoint", endpoint).bind("method", method).bind("status", statusCode)
                .bind("time", responseTimeMs).bind("error", errorType).bind("at", utc(at)).execute();
    }

    private static ApiKey apiKey(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKey(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getBoolean("is_active"), instant(rs, "last_used"), instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

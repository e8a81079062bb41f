package dev.pgtestkit.samples.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.junit.MockData;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryLogAssert;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AI Error Translator's repositories on real PostgreSQL (the seed tested them on SQLite). */
@PgTest(migrations = TranslatorDatabase.MIGRATIONS)
@WithTransaction
class TranslatorDatabaseIT {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration MS = Duration.ofMillis(1);

    private TranslatorDatabase db;
    private UUID ada;

    @BeforeEach
    void user(DataSource dataSource) {
        db = new TranslatorDatabase(dataSource);
        ada = db.createUser("Ada@Example.com", "Ada Lovelace", "pbkdf2$...");
    }

    /** The seed's pitfall: the usage limit at its boundaries (the 100th request, the window's edge, the 429s). */
    @Test
    @MockData(table = "users", rows = 10, seed = 4, children = @MockData.Child(table = "usage_logs", count = 5, max = 20))
    void theFreeTierAdmitsExactlyOneHundredRequestsInAnyTwentyFourHours() {
        db.logUsage(ada, TranslatorDatabase.TRANSLATE, "POST", 200, 40, null, NOW.minus(DAY)); // just left the window
        for (int i = 0; i < 99; i++) {
            db.logUsage(ada, TranslatorDatabase.TRANSLATE, "POST", i % 10 == 0 ? 500 : 200, 40, null,
                    NOW.minus(DAY).plus(Duration.ofMinutes(1 + i)));
        }
        db.logUsage(ada, "/v1/health", "GET", 200, 1, null, NOW.minus(Duration.ofHours(1))); // another endpoint

        assertThat(db.admitTranslation(ada, NOW)).isEqualTo(new UsageDecision(true, Tier.FREE, 99, 100));
        assertThat(db.admitTranslation(ada, NOW)).isEqualTo(new UsageDecision(false, Tier.FREE, 100, 100));
        assertThat(db.admitTranslation(ada, NOW)).isEqualTo(new UsageDecision(false, Tier.FREE, 100, 100)); // 429s do not count
        // one millisecond before the oldest counted request leaves the window, still full; at that instant, room for one
        Instant oldest = NOW.minus(DAY).plus(Duration.ofMinutes(1));
        assertThat(db.admitTranslation(ada, oldest.plus(DAY).minus(MS)).allowed()).isFalse();
        assertThat(db.admitTranslation(ada, oldest.plus(DAY))).isEqualTo(new UsageDecision(true, Tier.FREE, 99, 100));
    }

    @Test
    void aSubscriptionRaisesTheLimitForItsPeriodExactly() {
        Instant start = NOW.minus(Duration.ofDays(30));
        db.subscribe(ada, Tier.PRO, "sub_123", start, NOW);

        assertThat(db.tierAt(ada, start.minus(MS))).isEqualTo(Tier.FREE);
        assertThat(db.tierAt(ada, start)).isEqualTo(Tier.PRO);
        assertThat(db.tierAt(ada, NOW.minus(MS))).isEqualTo(Tier.PRO);
        assertThat(db.tierAt(ada, NOW)).isEqualTo(Tier.FREE); // the period is [start, end)
        assertThat(db.admitTranslation(ada, NOW.minus(MS)).limit()).isEqualTo(10_000);
    }

    @Test
    void onlyTheHashOfAnApiKeyIsStored(Rows rows) {
        NewApiKey created = db.createApiKey(ada, "CI key", null);

        Map<String, Object> stored = rows.getBy("api_keys", "id", created.key().id()).orElseThrow();
        assertThat(stored.values()).noneMatch(value -> String.valueOf(value).contains(created.plaintext()));
        assertThat(stored.get("key_hash")).isEqualTo(TranslatorDatabase.sha256(created.plaintext()));
        assertThat(created.toString()).doesNotContain(created.plaintext());
        assertThat(db.authenticate(created.plaintext(), NOW)).get().extracting(ApiKey::lastUsed).isEqualTo(NOW);
        assertThat(db.authenticate(created.plaintext() + "x", NOW)).isEmpty();
    }

    @Test
    void deactivatedAndExpiredKeysAreRefusedAndExpiredOnesCleanedUp() {
        NewApiKey expiring = db.createApiKey(ada, "expiring", NOW);
        NewApiKey deactivated = db.createApiKey(ada, "old laptop", null);
        UUID eve = db.createUser("eve@example.com", "Eve", null);

        assertThat(db.deactivateApiKey(eve, deactivated.key().id())).isFalse(); // not hers
        assertThat(db.deactivateApiKey(ada, deactivated.key().id())).isTrue();

        assertThat(db.authenticate(expiring.plaintext(), NOW.minus(MS))).isPresent();
        assertThat(db.authenticate(expiring.plaintext(), NOW)).isEmpty();
        assertThat(db.authenticate(deactivated.plaintext(), NOW.minus(DAY))).isEmpty();
        assertThat(db.cleanupExpiredKeys(NOW.minus(MS))).isZero();
        assertThat(db.cleanupExpiredKeys(NOW)).isEqualTo(1);
        assertThat(db.apiKeys(ada)).extracting(ApiKey::name).containsExactly("old laptop");
    }

    @Test
    void errorRateAndRequestCountCoverTheLastTwentyFourHoursOnly() {
        assertThat(db.errorRateLast24Hours(NOW)).isZero(); // no traffic: 0, not a division by zero
        int[] statuses = {200, 200, 200, 404, 500, 200, 429, 200};
        for (int i = 0; i < statuses.length; i++) {
            db.logUsage(ada, TranslatorDatabase.TRANSLATE, "POST", statuses[i], 30, null, NOW.minus(Duration.ofHours(i)));
        }
        db.logUsage(ada, TranslatorDatabase.TRANSLATE, "POST", 500, 30, null, NOW.minus(DAY)); // outside
        db.logUsage(ada, TranslatorDatabase.TRANSLATE, "POST", 500, 30, null, NOW.plus(MS));  // not yet

        assertThat(db.requestsLast24Hours(NOW)).isEqualTo(8);
        assertThat(db.errorRateLast24Hours(NOW)).isCloseTo(37.5, within(1e-9));
        assertThat(db.cleanupOldLogs(1, NOW)).isZero();
        assertThat(db.cleanupOldLogs(1, NOW.plus(MS))).isEqualTo(1);
    }

    @Test
    void revokedTokensStayRevokedUntilTheyExpireThenAreCleanedUp(Rows rows) {
        db.revokeToken("jti-1", "access", NOW, "ada", "logout");
        db.revokeToken("jti-1", "access", NOW, "ada", "logout again"); // idempotent
        db.revokeToken("jti-2", "refresh", NOW.plus(Duration.ofDays(7)), "admin", "password changed");

        assertThat(db.isRevoked("jti-1")).isTrue();
        assertThat(db.isRevoked("jti-3")).isFalse();
        assertThat(db.cleanupExpiredTokens(NOW.minus(MS))).isZero();
        assertThat(db.cleanupExpiredTokens(NOW)).isEqualTo(1);
        assertThat(rows.from("token_blacklist").list()).extracting(row -> row.get("token_jti")).containsExactly("jti-2");
    }

    @Test
    void anUnknownUserIsRefusedByName() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> db.admitTranslation(nobody, NOW)).hasMessage("No user " + nobody);
    }

    @Test
    @MockData(table = "users", rows = 30, seed = 5, children = @MockData.Child(table = "api_keys", count = 0, max = 3))
    void theDashboardCountsKeysInOneQuery(Rows rows, QueryLogger queries) {
        List<UUID> users = rows.from("users").orderBy("email").limit(25).list().stream()
                .map(row -> (UUID) row.get("id")).toList();

        QueryLog perUser = logOf(queries, () -> db.activeKeyCountsOneQueryPerUser(users));
        QueryLog fixed = logOf(queries, () -> db.activeKeyCounts(users));

        assertThatThrownBy(() -> QueryLogAssert.assertThat(perUser).hasSelectCount(1))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expected 1 SELECT statements but found 25");
        QueryLogAssert.assertThat(fixed).hasSelectCount(1).hasNoNPlusOne();
        assertThat(db.activeKeyCounts(users)).isEqualTo(db.activeKeyCountsOneQueryPerUser(users)).hasSize(25);
    }

    private static QueryLog logOf(QueryLogger queries, Supplier<?> work) {
        try (QueryScope scope = queries.startScope("dashboard")) {
            work.get();
            return scope.log();
        }
    }
}

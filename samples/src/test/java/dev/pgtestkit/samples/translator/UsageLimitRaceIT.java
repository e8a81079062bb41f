package dev.pgtestkit.samples.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgtestkit.junit.PgTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The usage limit's boundary under load: a user at 99 of 100 sends eight requests at once. Real sessions on a real
 * server (no {@code @WithTransaction}: one pinned session cannot race with itself), through a HikariCP pool.
 */
@PgTest(migrations = TranslatorDatabase.MIGRATIONS)
class UsageLimitRaceIT {

    @Test
    void simultaneousRequestsAtTheLimitAdmitExactlyOne(DataSource dataSource) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            TranslatorDatabase db = new TranslatorDatabase(pool);
            UUID user = db.createUser("racer@example.com", "Racer", null);
            Instant now = Instant.parse("2026-06-15T12:00:00Z");
            for (int i = 0; i < 99; i++) {
                db.logUsage(user, TranslatorDatabase.TRANSLATE, "POST", 200, 10, null, now.minus(Duration.ofMinutes(i)));
            }
            CyclicBarrier start = new CyclicBarrier(8);
            List<Future<UsageDecision>> decisions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                decisions.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return db.admitTranslation(user, now);
                }));
            }
            int admitted = 0;
            for (Future<UsageDecision> decision : decisions) {
                admitted += decision.get(30, TimeUnit.SECONDS).allowed() ? 1 : 0;
            }

            assertThat(admitted).isEqualTo(1);
            assertThat(db.countedRequests(user, now)).isEqualTo(100);
        } finally {
            threads.shutdownNow();
        }
    }
}

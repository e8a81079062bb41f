package dev.pgtestkit.samples.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.Dumper;
import dev.pgtestkit.sync.MaskingKey;
import dev.pgtestkit.sync.MaskingPolicy;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.Restorer;
import dev.pgtestkit.sync.UnmaskedColumnsException;
import dev.pgtestkit.sync.Verifier;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translator's "production" database dumped masked by db-sync and restored into a "test" database, as a team
 * would refresh its test data: the dump fails closed while a sensitive column has no decision, and the restored
 * database has production's shape and relations but none of its secrets. No {@code @WithTransaction}: restoring
 * swaps whole databases, which no transaction can hold.
 */
class MaskedProductionDumpIT {

    /** What the dump does with each sensitive column of {@code db/translator}. */
    static final String POLICY = """
            columns:
              public.users.email: email
              public.users.full_name: full_name
              public.users.hashed_password: password_hash
              public.users.stripe_customer_id: hash
              public.api_keys.key_hash: hash
              public.subscriptions.stripe_subscription_id: hash
              public.usage_logs.ip_address: ip_address
              public.usage_logs.user_agent: text
              public.usage_logs.error_message: text
              public.token_blacklist.token_jti: hash
              # Decided: a Stripe price is a product's id, a token type is "access" or "refresh"; neither is personal.
              public.subscriptions.stripe_price_id: keep
              public.token_blacklist.token_type: keep
            """;

    private static final MaskingKey KEY = MaskingKey.of("masked-production-dump-it-key-32b".getBytes());

    private final PostgresServer server = PostgresProvider.auto().shared();
    private DisposableDatabase production;
    private DisposableDatabase test;

    @BeforeEach
    void productionWithDataAndAnEmptyTest() {
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(TranslatorDatabase.MIGRATIONS)
                .build();
        production = template.checkout();
        test = template.checkout();
        MockDataGenerator.builder(production.dataSource()).seed(11).build().generate(GenerationPlan.builder()
                .table("users", 40)
                .table("api_keys", t -> t.perParent("users", ChildCount.between(0, 3)))
                .table("usage_logs", 300).table("token_blacklist", 20).build());
    }

    @AfterEach
    void dropBoth() {
        production.close();
        test.close();
    }

    @Test
    void aProductionDumpRefusesWhileASensitiveColumnHasNoDecision(@TempDir Path dir) {
        DumpOptions undecided = DumpOptions.builder().production(true).masking(MaskingPolicy.none()).build();

        assertThatThrownBy(() -> Dumper.dump(PgDatabase.of(server, production.name()), dir.resolve("dump"), undecided))
                .isInstanceOf(UnmaskedColumnsException.class)
                .satisfies(e -> assertThat(((UnmaskedColumnsException) e).columns())
                        .contains("public.users.email", "public.users.hashed_password", "public.api_keys.key_hash"));
    }

    @Test
    void theRestoredTestDatabaseHasProductionsRowsAndRelationsButNoneOfItsSecrets(@TempDir Path dir) {
        Path dump = dir.resolve("dump");
        Rows prod = Rows.of(production.dataSource());
        Set<Object> productionEmails = column(prod, "users", "email");
        Set<Object> productionKeyHashes = column(prod, "api_keys", "key_hash");

        Dumper.dump(PgDatabase.of(server, production.name()), dump, DumpOptions.builder().production(true)
                .masking(MaskingPolicy.parse(POLICY, "MaskedProductionDumpIT")).maskingKey(KEY).build());
        Restorer.restore(dump, PgDatabase.of(server, test.name()),
                RestoreOptions.builder().terminateSessions(true).build());
        Verifier.verify(dump, PgDatabase.of(server, test.name()));

        Rows restored = Rows.of(test.dataSource());
        for (String table : List.of("users", "api_keys", "usage_logs", "token_blacklist")) {
            assertThat(restored.count(table)).as(table).isEqualTo(prod.count(table));
        }
        Set<Object> emails = column(restored, "users", "email");
        assertThat(emails).hasSize(productionEmails.size()).doesNotContainAnyElementsOf(productionEmails)
                .allSatisfy(email -> assertThat((String) email).contains("@"));
        assertThat(column(restored, "api_keys", "key_hash")).doesNotContainAnyElementsOf(productionKeyHashes);
        // user ids are kept, so every key still belongs to its user, and a user's usage is still theirs
        assertThat(restored.query("SELECT count(*) AS n FROM api_keys k JOIN users u ON u.id = k.user_id").get(0))
                .containsEntry("n", prod.count("api_keys"));
        assertThat(restored.query("SELECT user_id, count(*) AS n FROM usage_logs GROUP BY user_id ORDER BY user_id"))
                .isEqualTo(prod.query("SELECT user_id, count(*) AS n FROM usage_logs GROUP BY user_id ORDER BY user_id"));
    }

    private static Set<Object> column(Rows rows, String table, String column) {
        Set<Object> values = new HashSet<>();
        rows.from(table).list().forEach(row -> values.add(row.get(column)));
        return values;
    }
}

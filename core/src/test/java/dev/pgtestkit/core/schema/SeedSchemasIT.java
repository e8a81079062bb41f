package dev.pgtestkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every seed schema migrates with Flyway and the registry reads what the seed documents describe. */
class SeedSchemasIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @Test
    void keepNotionSyncTablesHaveTheSeedsKeysAndStatusList() {
        withRegistry(SeedSchemas.KEEPNOTION, registry -> {
            assertThat(registry.tables()).extracting(Table::simpleName).containsExactly(
                    "credentials", "flyway_schema_history", "sync_jobs", "sync_logs", "sync_state");
            Table jobs = registry.table("sync_jobs");
            assertThat(jobs.primaryKey().columns()).containsExactly("job_id");
            assertThat(jobs.matchColumn("jobId").type().name()).isEqualTo("uuid");
            assertThat(jobs.checks()).extracting(CheckConstraint::name).contains("sync_jobs_status_check");
            assertThat(jobs.checks()).filteredOn(c -> c.name().equals("sync_jobs_status_check")).singleElement()
                    .satisfies(c -> assertThat(c.expression()).contains("'queued'", "'running'", "'completed'",
                            "'failed'"));
            assertThat(registry.table("sync_state").uniqueKeys()).singleElement().satisfies(u -> {
                assertThat(u.name()).isEqualTo("uq_user_keep_note");
                assertThat(u.columns()).containsExactly("user_id", "keep_note_id");
            });
            assertThat(registry.table("credentials").primaryKey().columns()).containsExactly("user_id");
            assertThat(registry.table("SyncLog").foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.referencedTable().name()).isEqualTo("sync_jobs");
                assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
            });
        });
    }

    @Test
    void voiceNoteHasItsEnumsJsonDefaultsAndPartialIndex() {
        withRegistry(SeedSchemas.VOICENOTE, registry -> {
            Table users = registry.table("users");
            assertThat(users.matchColumn("primaryRole").type().enumLabels()).containsExactly("STUDENT", "TEACHER",
                    "DEVELOPER", "OFFICE_WORKER", "BUSINESS_MAN", "PSYCHIATRIST", "PSYCHOLOGIST", "GENERIC", "ADMIN");
            assertThat(users.matchColumn("work_days").defaultExpr()).isEqualTo("'[2,3,4,5,6]'::json");
            assertThat(users.matchColumn("jargons").type().name()).isEqualTo("json");
            assertThat(users.uniqueKeys()).extracting(UniqueKey::columns).containsExactly(List.of("email"));
            assertThat(users.indexes()).filteredOn(i -> i.name().equals("idx_is_admin")).singleElement()
                    .satisfies(i -> assertThat(i.predicate()).isEqualTo("(is_admin = true)"));
            Table tasks = registry.table("task");
            assertThat(tasks.matchColumn("assignedEntities").defaultExpr()).isEqualTo("'[]'::jsonb");
            assertThat(tasks.matchColumn("communication_type").type().enumLabels())
                    .containsExactly("WHATSAPP", "SMS", "CALL", "MEET", "SLACK");
            assertThat(registry.table("notes").matchColumn("status").type().name()).isEqualTo("note_status");
            assertThat(registry.insertionOrder().tables()).extracting(QualifiedName::name)
                    .containsSubsequence("users", "notes", "tasks");
        });
    }

    @Test
    void voiceNoteEmbeddingExistsExactlyWhenPgvectorIsAvailable() throws SQLException {
        boolean pgvector;
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")) {
            rs.next();
            pgvector = rs.getInt(1) > 0;
        }
        withRegistry(SeedSchemas.VOICENOTE, registry -> {
            Table notes = registry.table("notes");
            if (pgvector) {
                PgType embedding = notes.matchColumn("embedding").type();
                assertThat(embedding.name()).isEqualTo("vector");
                assertThat(embedding.displayName()).isEqualTo("vector(1536)");
                assertThat(embedding.category()).isEqualTo(TypeCategory.BASE);
            } else {
                assertThat(notes.column("embedding")).isEmpty();
                assertThat(notes.indexes()).extracting(Index::name).doesNotContain("idx_embedding");
            }
        });
    }

    @Test
    void errorTranslatorHasUuidKeysAndUniqueStripeIds() {
        withRegistry(SeedSchemas.ERRORTRANSLATOR, registry -> {
            for (String name : List.of("users", "api_keys", "subscriptions", "usage_logs", "token_blacklist")) {
                Column id = registry.table(name).matchColumn("id");
                assertThat(id.type().name()).as(name).isEqualTo("uuid");
                assertThat(id.defaultExpr()).as(name).isEqualTo("gen_random_uuid()");
            }
            assertThat(registry.table("users").uniqueKeys()).extracting(UniqueKey::columns)
                    .containsExactlyInAnyOrder(List.of("email"), List.of("stripe_customer_id"));
            assertThat(registry.table("subscriptions").uniqueKeys()).extracting(UniqueKey::columns)
                    .containsExactly(List.of("stripe_subscription_id"));
            assertThat(registry.table("api_keys").matchColumn("keyHash").length()).isEqualTo(255);
            assertThat(registry.table("token_blacklist").matchColumn("expiresAt").type().displayName())
                    .isEqualTo("timestamp with time zone");
            assertThat(registry.insertionOrder().tables().get(registry.insertionOrder().tables().size() - 1).name())
                    .isEqualTo("usage_logs");
        });
    }

    @Test
    void hardCaseSchemaMigratesAndLoads() {
        withRegistry(SeedSchemas.HARDCASES, registry ->
                assertThat(registry.tables()).extracting(t -> t.name().toString()).contains("public.events",
                        "public.events_2025", "audit.events", "public.LegacyItems", "public.type_samples"));
    }

    private void withRegistry(String location, Consumer<SchemaRegistry> assertions) {
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(location).build();
        try (DisposableDatabase db = template.checkout()) {
            assertions.accept(SchemaRegistry.load(db.dataSource()));
        }
    }
}

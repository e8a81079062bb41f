package dev.pgtestkit.samples.dbservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.rows.CloneResult;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryLogAssert;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's database service on real PostgreSQL: schema per project, seed data from JSON, clone, cleanup and the
 * e2e registry, all through pgtestkit's row API and fixtures. Schema DDL is transactional in PostgreSQL, so even the
 * project schemas a test creates are rolled back with it.
 */
@PgTest(migrations = DatabaseService.MIGRATIONS)
@WithTransaction
class DatabaseServiceIT {

    private DatabaseService service;

    @BeforeEach
    void seed(DataSource dataSource) {
        service = new DatabaseService(dataSource);
        service.loadSeedData(DatabaseService.SEED_DATA);
    }

    @Test
    void seedDataIsLoadedParentsFirstWithItsProjectSchemas(Rows rows) {
        Map<String, Object> saas = service.project("b2b_saas");

        assertThat(rows.count("prompts", Map.of("projectId", saas.get("id")))).isEqualTo(3);
        assertThat(rows.count("objectModels")).isEqualTo(2);
        assertThat(service.schemas().verifySchema("b2b_saas"))
                .isEqualTo(Map.of("content", true, "metadata", true, "vocabulary", true));
        assertThat(service.schemas().verifySchema("cooking")).containsOnlyKeys(SchemaSetup.REQUIRED_TABLES)
                .doesNotContainValue(false);
        service.schemas().ensurePublicSchema(); // the migrations made the core tables
    }

    @Test
    void thePublicSchemaCheckFindsTheCoreTablesFromAProjectSchemaAndNamesAMissingOne(Rows rows) {
        SchemaSetup fromProject = new SchemaSetup(rows.inSchema("proj_cooking"));
        fromProject.ensurePublicSchema();

        rows.execute("DROP TABLE llm_usage");
        assertThatThrownBy(fromProject::ensurePublicSchema).hasMessage("The public schema lacks [public.llm_usage]:"
                + " run the migrations in classpath:db/dbservice first");
    }

    /** The seed's first priority: schema creation must include all required tables, and repair a partial schema. */
    @Test
    void ensureProjectSchemaCompletesAHalfCreatedSchemaAndIsIdempotent(Rows rows) {
        service.createProject("Travel guide", "travel", "City guides");
        rows.execute("DROP TABLE proj_travel.vocabulary");
        assertThat(service.schemas().verifySchema("travel"))
                .containsEntry("content", true).containsEntry("vocabulary", false);

        service.schemas().ensureProjectSchema("travel");
        service.schemas().ensureProjectSchema("travel");

        assertThat(service.schemas().verifySchema("travel")).doesNotContainValue(false);
        assertThat(service.schemas().verifySchema("nowhere")).containsOnly(
                Map.entry("content", false), Map.entry("metadata", false), Map.entry("vocabulary", false));
    }

    @Test
    void aSlugThatIsNotAnIdentifierIsRefusedBeforeAnyDdl(Rows rows) {
        assertThatThrownBy(() -> service.schemas().ensureProjectSchema("x; DROP SCHEMA public"))
                .hasMessageStartingWith("Project slug 'x; DROP SCHEMA public' is not valid");
        assertThatThrownBy(() -> service.cloneProject("b2b_saas", "Copy", "Bad-Slug"))
                .hasMessageContaining("is not valid");
        assertThat(rows.count("projects")).isEqualTo(2);
    }

    @Test
    void cloneProjectCopiesPromptsAndModelsButNotUsageNorContent(Rows rows) {
        Map<String, Object> saas = service.project("b2b_saas");
        service.recordUsage((UUID) saas.get("id"), null, "gpt-4o-mini", 1200, 300, new BigDecimal("0.000360"));
        service.addContent("b2b_saas", Map.of("title", "Why SOC 2 matters", "contentType", "article"));

        CloneResult copy = service.cloneProject("b2b_saas", "B2B SaaS blog (staging)", "b2b_saas_staging");

        Object copyId = copy.root().get("id");
        assertThat(copyId).isNotEqualTo(saas.get("id"));
        assertThat(rows.fetch("prompts", Map.of("projectId", copyId))).extracting(p -> p.get("name") + " v"
                + p.get("version")).containsExactlyInAnyOrder("article_outline v1", "article_outline v2",
                        "meta_description v1");
        assertThat(rows.count("objectModels", Map.of("projectId", copyId))).isEqualTo(1);
        assertThat(rows.count("llmUsage", Map.of("projectId", copyId))).isZero();
        assertThat(copy.copies().get("llm_usage")).isEmpty(); // skipped, not copied then deleted
        assertThat(rows.count("llmUsage", Map.of("projectId", saas.get("id")))).isEqualTo(1);
        assertThat(service.schemas().verifySchema("b2b_saas_staging")).doesNotContainValue(false);
        assertThat(rows.inSchema("proj_b2b_saas_staging").count("content")).isZero();
    }

    @Test
    void cleanupKeepsTheSeedDataAndFlywaysHistoryAndDropsTheSchemasOfDeletedProjects(Rows rows) {
        long migrations = rows.count("flyway_schema_history");
        service.createProject("Scratch", "scratch", null);
        service.cloneProject("cooking", "Cooking (copy)", "cooking_copy");
        rows.insert("e2e_tests", Map.of("name", "scratch_smoke", "projectSlug", "scratch"));

        int deleted = service.cleanupNonProtected();

        assertThat(deleted).isEqualTo(2 + 1 + 1 + 1); // 2 projects, the copy's prompt and model, 1 e2e test
        assertThat(rows.from("projects").orderBy("slug").list()).extracting(p -> p.get("slug"))
                .containsExactly("b2b_saas", "cooking");
        assertThat(rows.count("prompts")).isEqualTo(4);
        assertThat(rows.count("flyway_schema_history")).isEqualTo(migrations);
        assertThat(rows.schemaExists("proj_scratch")).isFalse();
        assertThat(rows.schemaExists("proj_cooking_copy")).isFalse();
        assertThat(rows.schemaExists("proj_cooking")).isTrue();
    }

    @Test
    void theE2eRegistryListsOnlyActiveTests() {
        assertThat(service.getActiveE2eTests()).extracting(t -> t.get("name"))
                .containsExactly("outline_then_article", "recipe_roundtrip");
    }

    /** The seed's "intelligent column matching", which the row API gives: camelCase, plurals, suggestions. */
    @Test
    void columnNamesAreMatchedForgivinglyAndAMisspeltOneGetsASuggestion() {
        Map<String, Object> content = service.addContent("cooking", Map.of("Title", "Ratatouille",
                "contentType", "recipe"));
        assertThat(content).containsEntry("content_type", "recipe");

        assertThatThrownBy(() -> service.rows().insert("prompts", Map.of("projectId",
                service.project("cooking").get("id"), "nmae", "soup", "template", "Soup: {x}")))
                .isInstanceOf(ColumnMatchException.class)
                .hasMessageContaining("Column 'nmae' not found in table 'prompts'").hasMessageContaining("name");
    }

    @Test
    void theProjectsScreenRunsOneQueryHoweverManyProjects(QueryLogger queries, DataSource dataSource) {
        DatabaseService logged = new DatabaseService(dataSource); // the injected DataSource is the logged one
        for (int i = 0; i < 6; i++) {
            logged.createProject("Project " + i, "p" + i, null);
        }
        UUID cooking = (UUID) service.project("cooking").get("id");
        service.recordUsage(cooking, null, "gpt-4o", 1000, 1000, new BigDecimal("0.025000"));

        QueryLog perProject = logOf(queries, logged::projectOverviewsTwoQueriesPerProject);
        QueryLog fixed = logOf(queries, logged::projectOverviews);

        assertThatThrownBy(() -> QueryLogAssert.assertThat(perProject).hasNoNPlusOne())
                .isInstanceOf(AssertionError.class);
        QueryLogAssert.assertThat(fixed).hasSelectCount(1).hasNoNPlusOne();
        List<ProjectOverview> overviews = logged.projectOverviews();
        assertThat(overviews).isEqualTo(logged.projectOverviewsTwoQueriesPerProject()).hasSize(8);
        assertThat(overviews).filteredOn(o -> o.slug().equals("cooking")).singleElement()
                .satisfies(o -> assertThat(o.costUsd()).isEqualByComparingTo("0.025"));
    }

    private static QueryLog logOf(QueryLogger queries, Supplier<?> work) {
        try (QueryScope scope = queries.startScope("projects screen")) {
            work.get();
            return scope.log();
        }
    }
}

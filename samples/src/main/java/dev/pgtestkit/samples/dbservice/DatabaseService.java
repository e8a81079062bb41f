package dev.pgtestkit.samples.dbservice;

import dev.pgtestkit.core.rows.CloneResult;
import dev.pgtestkit.core.rows.Fixtures;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.core.rows.TableRows;
import dev.pgtestkit.core.sql.Identifiers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The seed's {@code DBOperator} for its own database (seed 003): projects, prompts, object models and LLM usage,
 * with the test-support calls {@code load_seed_data}, {@code clone_project}, {@code cleanup_non_protected} and
 * {@code get_active_e2e_tests}. It is built on pgtestkit's row API ({@link Rows}: forgiving names, "did you mean"
 * errors) and {@link Fixtures} (seed files, protected rows), which is what the seed's operator reimplemented.
 */
public final class DatabaseService {

    /** The Flyway location of the service's migrations. */
    public static final String MIGRATIONS = "classpath:db/dbservice";

    /** The seed data file on the class path. */
    public static final String SEED_DATA = "dbservice/seed_projects.json";

    private final Rows rows;
    private final Fixtures fixtures;
    private final SchemaSetup schemas;

    /**
     * The service on a DataSource. The rows already there (Flyway's history among them) and the seed rows it loads
     * are protected from {@link #cleanupNonProtected} for the life of this instance.
     */
    public DatabaseService(DataSource dataSource) {
        this.rows = Rows.of(dataSource).inSchema("public");
        this.fixtures = Fixtures.of(rows);
        this.schemas = new SchemaSetup(rows);
        // Fixtures.cleanup() deletes from every table of the schema, flyway_schema_history included: keep what is
        // there now.
        fixtures.protectExisting();
    }

    /** The row API the service uses (public schema). */
    public Rows rows() {
        return rows;
    }

    /** The schema setup the service uses. */
    public SchemaSetup schemas() {
        return schemas;
    }

    /**
     * Loads a seed file (tables of rows, parents by natural key), protects its rows from
     * {@link #cleanupNonProtected}, and ensures each seeded project's schema.
     */
    public TableRows loadSeedData(String resource) {
        TableRows loaded = fixtures.loadResourceProtected(resource);
        loaded.get("projects").forEach(project -> schemas.ensureProjectSchema((String) project.get("slug")));
        return loaded;
    }

    /** A new project (and its schema); returns its row. */
    public Map<String, Object> createProject(String name, String slug, String description) {
        return rows.inTransaction(tx -> {
            Map<String, Object> row = new HashMap<>(Map.of("name", name, "slug", slug));
            row.put("description", description);
            Map<String, Object> project = tx.insert("projects", row);
            new SchemaSetup(tx).ensureProjectSchema(slug);
            return project;
        });
    }

    /** The project with this slug. */
    public Map<String, Object> project(String slug) {
        return rows.getBy("projects", "slug", slug)
                .orElseThrow(() -> new NoSuchElementException("No project with slug '" + slug + "'"));
    }

    /**
     * Copies a project with its prompts and object models under a new name and slug, and creates the copy's schema
     * (empty: content is not copied). Usage history stays with the original.
     */
    public CloneResult cloneProject(String sourceSlug, String newName, String newSlug) {
        SchemaSetup.schemaOf(newSlug); // refuse a bad slug before copying anything
        Object sourceId = project(sourceSlug).get("id");
        return rows.inTransaction(tx -> {
            // usage is history, not part of a project's definition: not copied
            CloneResult copy = tx.cloneTree("projects", sourceId, Map.of("name", newName, "slug", newSlug),
                    List.of("llm_usage"));
            new SchemaSetup(tx).ensureProjectSchema(newSlug);
            return copy;
        });
    }

    /**
     * Deletes every row the seed data did not bring (children first), then drops the schemas of projects that no
     * longer exist. Returns the number of rows deleted.
     */
    public int cleanupNonProtected() {
        int deleted = fixtures.cleanup().values().stream().mapToInt(Integer::intValue).sum();
        List<String> live = rows.from("projects").list().stream()
                .map(p -> SchemaSetup.schemaOf((String) p.get("slug"))).toList();
        for (Map<String, Object> schema : rows.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'proj\\_%'")) {
            String name = (String) schema.get("nspname");
            if (!live.contains(name)) {
                rows.execute("DROP SCHEMA " + Identifiers.quote(name) + " CASCADE");
            }
        }
        return deleted;
    }

    /** The active end-to-end tests of the registry, by name. */
    public List<Map<String, Object>> getActiveE2eTests() {
        return rows.from("e2e_tests").where("isActive", true).orderBy("name").list();
    }

    /** Records one LLM call's tokens and cost against a project (and prompt, when known). */
    public Map<String, Object> recordUsage(UUID projectId, UUID promptId, String model, int promptTokens,
            int completionTokens, BigDecimal costUsd) {
        Map<String, Object> usage = new HashMap<>(Map.of("projectId", projectId, "model", model,
                "promptTokens", promptTokens, "completionTokens", completionTokens, "costUsd", costUsd));
        usage.put("promptId", promptId);
        return rows.insert("llmUsage", usage);
    }

    /** Inserts a content row into a project's schema (names matched forgivingly there too). */
    public Map<String, Object> addContent(String slug, Map<String, ?> content) {
        return rows.inSchema(SchemaSetup.schemaOf(slug)).insert("content", content);
    }

    /** Each project with its prompt count and total LLM cost, in one query. */
    public List<ProjectOverview> projectOverviews() {
        return rows.query("SELECT p.slug, p.name,"
                + " (SELECT count(*) FROM prompts pr WHERE pr.project_id = p.id) AS prompts,"
                + " (SELECT coalesce(sum(u.cost_usd), 0) FROM llm_usage u WHERE u.project_id = p.id) AS cost"
                + " FROM projects p ORDER BY p.slug").stream().map(DatabaseService::overview).toList();
    }

    /** The same overview as first written: the projects, then two queries per project (an N+1). */
    public List<ProjectOverview> projectOverviewsTwoQueriesPerProject() {
        List<ProjectOverview> overviews = new ArrayList<>();
        for (Map<String, Object> project : rows.from("projects").orderBy("slug").list()) {
            Object id = project.get("id");
            long prompts = rows.count("prompts", Map.of("projectId", id));
            BigDecimal cost = (BigDecimal) rows.query("SELECT coalesce(sum(cost_usd), 0) AS cost FROM llm_usage"
                    + " WHERE project_id = ?", id).get(0).get("cost");
            overviews.add(new ProjectOverview((String) project.get("slug"), (String) project.get("name"), prompts,
                    cost));
        }
        return overviews;
    }

    private static ProjectOverview overview(Map<String, Object> row) {
        return new ProjectOverview((String) row.get("slug"), (String) row.get("name"),
                ((Number) row.get("prompts")).longValue(), (BigDecimal) row.get("cost"));
    }
}

package dev.pgtestkit.samples.dbservice;

import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.core.sql.Identifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The seed's {@code SchemaSetup}: the public schema's core tables (made by the migrations) and a schema per project
 * ({@code proj_<slug>}) holding the required tables {@code content}, {@code metadata} and {@code vocabulary}. The
 * seed's first priority was "fix schema creation to include all required tables": {@link #ensureProjectSchema}
 * creates whichever of them is missing, so a half-created schema is completed, and {@link #verifySchema} says which
 * exist.
 */
public final class SchemaSetup {

    /** Tables every project schema must have, in creation order. */
    public static final List<String> REQUIRED_TABLES = List.of("content", "metadata", "vocabulary");

    /** The core tables of the public schema. */
    public static final List<String> CORE_TABLES = List.of("projects", "prompts", "object_models", "llm_usage");

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final Rows rows;

    /** Schema setup through the row API on the service's database. */
    public SchemaSetup(Rows rows) {
        this.rows = rows;
    }

    /** The schema name of a project: {@code proj_<slug>}; a slug that is not {@code [a-z][a-z0-9_]*} is refused. */
    public static String schemaOf(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("Project slug '" + slug + "' is not valid: use 1 to 40 lower-case"
                    + " letters, digits and underscores, starting with a letter (e.g. b2b_saas)");
        }
        return "proj_" + slug;
    }

    /**
     * Checks that the migrations made the core tables in the public schema; the error names the missing ones and the
     * fix.
     */
    public void ensurePublicSchema() {
        // qualified, as the seed's verify_schema names them: found whatever schema the Rows given looks in
        List<String> missing = CORE_TABLES.stream().map(t -> "public." + t).filter(t -> !rows.tableExists(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The public schema lacks " + missing + ": run the migrations in "
                    + DatabaseService.MIGRATIONS + " first");
        }
    }

    /** Creates the project's schema and whichever required tables it lacks; returns the schema name. */
    public String ensureProjectSchema(String slug) {
        String schema = schemaOf(slug);
        String s = Identifiers.quote(schema);
        rows.useTransaction(tx -> {
            tx.execute("CREATE SCHEMA IF NOT EXISTS " + s);
            tx.execute("CREATE TABLE IF NOT EXISTS " + s + ".content ("
                    + " id bigserial PRIMARY KEY,"
                    + " object_model_id uuid REFERENCES public.object_models (id) ON DELETE SET NULL,"
                    + " title text NOT NULL,"
                    + " body text NOT NULL DEFAULT '',"
                    + " content_type varchar(40) NOT NULL DEFAULT 'article',"
                    + " created_at timestamptz NOT NULL DEFAULT now())");
            tx.execute("CREATE TABLE IF NOT EXISTS " + s + ".metadata ("
                    + " id bigserial PRIMARY KEY,"
                    + " content_id bigint NOT NULL REFERENCES " + s + ".content (id) ON DELETE CASCADE,"
                    + " key varchar(80) NOT NULL,"
                    + " value jsonb NOT NULL,"
                    + " UNIQUE (content_id, key))");
            tx.execute("CREATE TABLE IF NOT EXISTS " + s + ".vocabulary ("
                    + " id bigserial PRIMARY KEY,"
                    + " term varchar(120) NOT NULL UNIQUE,"
                    + " definition text NOT NULL)");
        });
        return schema;
    }

    /** For each required table, whether the project's schema has it. */
    public Map<String, Boolean> verifySchema(String slug) {
        Rows schema = rows.inSchema(schemaOf(slug));
        Map<String, Boolean> verification = new LinkedHashMap<>();
        REQUIRED_TABLES.forEach(table -> verification.put(table, schema.tableExists(table)));
        return verification;
    }

    /** Drops a project's schema and everything in it. */
    public void dropProjectSchema(String slug) {
        rows.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schemaOf(slug)) + " CASCADE");
    }
}

package dev.pgtestkit.core.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.Index;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The registry builds the text of plain indexes from the catalog instead of calling {@code pg_get_indexdef} for each
 * (CatalogQueries.PLAIN_INDEX_DEFINITION): every definition it reports must be the server's, character for character,
 * and the plain rule must take exactly the indexes it can print (else the test would pass with the rule never used).
 */
class IndexDefinitionIT {

    /** One index of each form: the name says whether the plain rule may print it. */
    private static final String FORMS = """
            CREATE SCHEMA "Odd Schema";
            CREATE TYPE mood AS ENUM ('sad', 'ok');
            CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
            CREATE DOMAIN short_text AS varchar(10);
            CREATE DOMAIN small AS positive;
            CREATE TABLE "Odd Schema"."Mixed Table" (
                id bigint PRIMARY KEY, "select" text, "Upper" varchar(20), code char(3), body text, tags text[],
                feeling mood, amount positive, doc jsonb, at timestamptz, n int, moods mood[], label short_text,
                tiny small);
            ALTER TABLE "Odd Schema"."Mixed Table" ADD CONSTRAINT plain_unique_constraint UNIQUE ("Upper", code);
            CREATE INDEX plain_keyword_column ON "Odd Schema"."Mixed Table" ("select");
            CREATE UNIQUE INDEX "Plain Quoted Name" ON "Odd Schema"."Mixed Table" (body, n);
            CREATE INDEX plain_varchar ON "Odd Schema"."Mixed Table" ("Upper");
            CREATE INDEX plain_char ON "Odd Schema"."Mixed Table" (code);
            CREATE INDEX plain_timestamptz ON "Odd Schema"."Mixed Table" (at, id);
            CREATE INDEX other_desc ON "Odd Schema"."Mixed Table" (at DESC);
            CREATE INDEX other_nulls_first ON "Odd Schema"."Mixed Table" (n NULLS FIRST);
            CREATE INDEX other_collate ON "Odd Schema"."Mixed Table" (body COLLATE "C");
            CREATE INDEX other_text_pattern ON "Odd Schema"."Mixed Table" (body text_pattern_ops);
            CREATE INDEX other_varchar_pattern ON "Odd Schema"."Mixed Table" ("Upper" varchar_pattern_ops);
            CREATE INDEX other_varchar_ops ON "Odd Schema"."Mixed Table" ("Upper" varchar_ops);
            CREATE INDEX plain_enum ON "Odd Schema"."Mixed Table" (feeling);
            CREATE INDEX plain_domain ON "Odd Schema"."Mixed Table" (amount);
            CREATE INDEX plain_array ON "Odd Schema"."Mixed Table" (tags);
            CREATE INDEX plain_enum_array ON "Odd Schema"."Mixed Table" (moods, feeling);
            CREATE INDEX other_domain_over_varchar ON "Odd Schema"."Mixed Table" (label);
            CREATE INDEX other_domain_over_domain ON "Odd Schema"."Mixed Table" (tiny);
            CREATE INDEX other_enum_collate ON "Odd Schema"."Mixed Table" ("select" COLLATE "C", feeling);
            CREATE INDEX other_include ON "Odd Schema"."Mixed Table" (n) INCLUDE (body);
            CREATE INDEX other_partial ON "Odd Schema"."Mixed Table" (n) WHERE n > 0;
            CREATE INDEX other_expression ON "Odd Schema"."Mixed Table" (lower(body));
            CREATE INDEX other_fillfactor ON "Odd Schema"."Mixed Table" (n) WITH (fillfactor = 70);
            CREATE INDEX other_hash ON "Odd Schema"."Mixed Table" USING hash (body);
            CREATE INDEX other_gin ON "Odd Schema"."Mixed Table" USING gin (doc);
            CREATE INDEX other_brin ON "Odd Schema"."Mixed Table" USING brin (at);
            CREATE TABLE measurements (id bigint, taken date NOT NULL, v numeric) PARTITION BY RANGE (taken);
            CREATE TABLE measurements_2026 PARTITION OF measurements
                FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX other_partitioned ON measurements (taken);
            """;

    @ParameterizedTest
    @FieldSource("dev.pgtestkit.core.testsupport.SeedSchemas#ALL")
    void everySeedSchemaIndexReadsAsTheServerPrintsIt(String location) throws SQLException {
        PostgresServer server = PostgresProvider.auto().shared();
        try (DisposableDatabase db = DatabaseTemplate.builder(server).flywayLocations(location).build().checkout();
             Connection c = db.connect()) {
            assertSameAsServer(c);
        }
    }

    @Test
    void everyFormReadsAsTheServerPrintsItAndOnlyPlainOnesAreBuilt() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(PostgresProvider.auto().shared()).checkout();
             Connection c = db.connect(); Statement statement = c.createStatement()) {
            statement.execute(FORMS);
            int major = c.getMetaData().getDatabaseMajorVersion();
            if (major >= 15) {
                statement.execute("CREATE UNIQUE INDEX other_nulls_not_distinct ON \"Odd Schema\".\"Mixed Table\""
                        + " (n) NULLS NOT DISTINCT");
            }
            Map<String, String> built = built(c, major);
            assertThat(built.keySet()).as("indexes the plain rule printed").containsExactlyInAnyOrder(
                    "Mixed Table_pkey", "plain_unique_constraint", "plain_keyword_column", "Plain Quoted Name",
                    "plain_varchar", "plain_char", "plain_timestamptz", "plain_enum", "plain_domain", "plain_array",
                    "plain_enum_array", "measurements_2026_taken_idx");
            assertThat(built).containsEntry("plain_keyword_column",
                    "CREATE INDEX plain_keyword_column ON \"Odd Schema\".\"Mixed Table\" USING btree (\"select\")");
            assertSameAsServer(c);
        }
    }

    /** Every index the registry reports has the server's own {@code pg_get_indexdef} text. */
    private static void assertSameAsServer(Connection c) throws SQLException {
        SchemaRegistry registry = SchemaRegistry.load(c);
        Map<String, String> reported = new TreeMap<>();
        for (Table table : registry.tables()) {
            for (Index index : table.indexes()) {
                reported.put(table.schema() + "." + index.name(), index.definition());
            }
        }
        Map<String, String> server = new TreeMap<>();
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT n.nspname || '.' || ic.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'""")) {
            while (rows.next()) {
                server.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(reported).isNotEmpty().isEqualTo(server);
    }

    /** The indexes the plain rule printed, by name. */
    private static Map<String, String> built(Connection c, int major) throws SQLException {
        Map<String, String> built = new TreeMap<>();
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT ic.relname, " + CatalogQueries.plainIndexDefinition(major) + "\n" + """
                 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
                 JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('public', 'Odd Schema')""")) {
            while (rows.next()) {
                if (rows.getString(2) != null) {
                    built.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return built;
    }
}

package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real-world-shaped schemas (partitions, exclusive arcs, partial uniques, regex checks, trigger-filled columns,
 * every built-in type, 60+ tables and 20 enums) filled by {@code allTables(200)} with no override: every table
 * gets its rows (the server enforced every key and check on the way in), children spread over their parents, only
 * the checks the generator cannot parse are left to the server's evaluation, and the same seed gives the same
 * content.
 */
class RealWorldSchemasIT {

    static final int ROWS = 200;

    /**
     * Per schema, the checks the server evaluates, and how many rows it rejected: {@code [checks] rows}. Regular
     * expressions are constructed from the pattern but verified by the server (its regexes are not Java's); a
     * comparison of {@code money} values is the server's alone. None of them rejected a row.
     */
    private static final Map<String, Map<String, String>> SERVER_CHECKED = Map.of(
            "commerce_partitioned", Map.of(),
            "community_arcs", Map.of(),
            "catalog_types", Map.of("public.cities", "[cities_code_check] 0",
                    "public.opening_slots", "[opening_slots_price_check] 0",
                    "public.reviews", "[reviews_language_check, reviews_reviewer_code_check] 0",
                    "public.venues", "[venues_internal_code_check, venues_phone_check, slug_check, postal_code_check] 0"),
            "media_rentals", Map.of(),
            "saas_platform", Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"commerce_partitioned", "community_arcs", "catalog_types", "media_rentals",
        "saas_platform"})
    void fillsEveryTableWithNoOverrideDeterministically(String schema) {
        String digest;
        try (DisposableDatabase db = load(schema)) {
            GenerationResult result = fill(db, 7);
            for (Table t : TestDatabases.tables(db)) {
                assertThat(TestDatabases.count(db, "SELECT count(*) FROM " + t.name().quoted()))
                        .as(t.name().toString()).isEqualTo(ROWS);
            }
            assertThat(TestDatabases.narrowForeignKeys(db, 0.2)).isEmpty();
            assertThat(TestDatabases.serverChecked(result)).isEqualTo(SERVER_CHECKED.get(schema));
            digest = TestDatabases.contentDigest(db);
        }
        try (DisposableDatabase again = load(schema)) {
            fill(again, 7);
            assertThat(TestDatabases.contentDigest(again)).isEqualTo(digest);
        }
    }

    /**
     * The schema registry builds the text of plain indexes itself instead of asking {@code pg_get_indexdef} (core's
     * {@code IndexDefinitionIT}); on these schemas too, every index reads exactly as the server prints it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"commerce_partitioned", "community_arcs", "catalog_types", "media_rentals",
        "saas_platform"})
    void everyIndexDefinitionIsTheServers(String schema) throws SQLException {
        try (DisposableDatabase db = load(schema); Connection c = db.connect()) {
            Map<String, String> registry = new TreeMap<>();
            for (Table t : SchemaRegistry.load(c).tables()) {
                t.indexes().forEach(i -> registry.put(t.schema() + "." + i.name(), i.definition()));
            }
            Map<String, String> server = new TreeMap<>();
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT n.nspname || '.' || ic.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                    + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace"
                    + " WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'")) {
                while (rows.next()) {
                    server.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(registry).hasSizeGreaterThan(5).isEqualTo(server);
        }
    }

    static GenerationResult fill(DisposableDatabase db, long seed) {
        return MockDataGenerator.builder(db.dataSource()).seed(seed).threads(2).build()
                .generate(GenerationPlan.builder().allTables(ROWS).build());
    }

    static DisposableDatabase load(String schema) {
        return TestDatabases.withSchema(sql(schema));
    }

    static String sql(String schema) {
        try (InputStream in = RealWorldSchemasIT.class.getResourceAsStream("/realworld/" + schema + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

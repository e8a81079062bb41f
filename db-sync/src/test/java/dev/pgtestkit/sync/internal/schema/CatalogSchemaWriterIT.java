package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.catalog;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.execute;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.normalize;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.resource;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.restore;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import dev.pgtestkit.sync.internal.schema.SchemaWriter.SchemaScripts;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trips: the scripts written from a database, run into an empty one, give the same catalog (as the server
 * describes it) and the same scripts, byte for byte.
 */
class CatalogSchemaWriterIT {

    private static final PostgresServer SERVER = PostgresProvider.auto().shared();

    @ParameterizedTest
    @ValueSource(strings = {SeedSchemas.HARDCASES, SeedSchemas.KEEPNOTION, SeedSchemas.VOICENOTE,
        SeedSchemas.ERRORTRANSLATOR, SeedSchemas.ACCOUNTS})
    void seedSchemasRoundTrip(String location) throws SQLException {
        DatabaseTemplate template = DatabaseTemplate.builder(SERVER).flywayLocations(location).build();
        try (DisposableDatabase source = template.checkout()) {
            roundTrip(location, source);
        }
    }

    @Test
    void everyKindRoundTrips() throws SQLException {
        try (DisposableDatabase source = DatabaseTemplate.empty(SERVER).checkout()) {
            execute(source, resource("kinds.sql"));
            SchemaScripts scripts = roundTrip("kinds", source);
            assertThat(normalize(scripts.preData() + scripts.postData())).as("no expression to normalize here")
                    .isEqualTo(scripts.preData() + scripts.postData());
            assertThat(scripts.preData()).contains(
                    "-- pgtestkit: SCHEMA Sales Dept\nCREATE SCHEMA \"Sales Dept\";",
                    "CREATE TYPE inventory.unit AS ENUM (\n    'piece',\n    'kg',\n    'litre',\n    'it''s'\n);",
                    "-- pgtestkit: TABLE Sales Dept.orders_eu_2025\n",
                    "GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME inventory.warehouse_id_seq START WITH 10"
                            + " INCREMENT BY 10");
            assertThat(scripts.postData()).contains(
                    "-- pgtestkit: SEQUENCE SET inventory.ticket_seq\nSELECT pg_catalog.setval('inventory.ticket_seq',"
                            + " 145, true);",
                    "-- pgtestkit: MATERIALIZED VIEW DATA inventory.m_totals\nREFRESH MATERIALIZED VIEW"
                            + " inventory.m_totals;",
                    // GROUP BY the primary key needs the key: the view follows it into post-data.
                    "-- pgtestkit: VIEW inventory.warehouse_load\n");
            assertThat(scripts.postData()).doesNotContain("never_filled;\n");
            // Dependency order over name order: the view a_stock_summary reads z_stock_base.
            assertThat(scripts.preData().indexOf("VIEW inventory.z_stock_base\n"))
                    .isLessThan(scripts.preData().indexOf("VIEW inventory.a_stock_summary\n"));
            assertThat(scripts.postData().indexOf("DATA inventory.m_totals\n"))
                    .isLessThan(scripts.postData().indexOf("DATA inventory.a_big_totals\n"));
        }
    }

    /** The registry's model; a hash partition's constraint names its parent by oid, which differs by design. */
    private static String model(DisposableDatabase db) {
        return SchemaRegistry.load(db.dataSource()).tables().toString()
                .replaceAll("satisfies_hash_partition\\('\\d+'::oid", "satisfies_hash_partition('<oid>'::oid");
    }

    /** Writes, restores into an empty database, and compares; returns the scripts. */
    private static SchemaScripts roundTrip(String name, DisposableDatabase source) throws SQLException {
        SchemaScripts scripts = write(source);
        SchemaScriptsSupport.keep(name, scripts);
        assertThat(write(source)).as("a second write").isEqualTo(scripts);
        try (DisposableDatabase target = DatabaseTemplate.empty(SERVER).checkout();
             DisposableDatabase second = DatabaseTemplate.empty(SERVER).checkout()) {
            restore(scripts, target);
            SchemaScripts again = write(target);
            SchemaScriptsSupport.keep(name + "-restored", again);
            assertThat(again.preData()).isEqualTo(normalize(scripts.preData()));
            assertThat(again.postData()).isEqualTo(normalize(scripts.postData()));
            assertThat(catalog(target)).containsExactlyElementsOf(catalog(source).stream().map(
                    SchemaScriptsSupport::normalize).sorted().toList());
            assertThat(model(target)).isEqualTo(normalize(model(source)));
            // From the restored copy on, the scripts are a fixed point, byte for byte.
            restore(again, second);
            assertThat(write(second)).isEqualTo(again);
        }
        return scripts;
    }
}

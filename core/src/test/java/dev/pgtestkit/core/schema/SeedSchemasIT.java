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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shared schema migrates cleanly with Flyway on the test server and creates the tables the seeds name. */
class SeedSchemasIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @Test
    void keepNotionSchemaMigrates() throws SQLException {
        assertThat(tablesOf(SeedSchemas.KEEPNOTION))
                .contains("public.sync_jobs", "public.sync_state", "public.credentials", "public.sync_logs");
    }

    @Test
    void voiceNoteSchemaMigrates() throws SQLException {
        assertThat(tablesOf(SeedSchemas.VOICENOTE)).contains("public.users", "public.notes", "public.tasks");
    }

    @Test
    void errorTranslatorSchemaMigrates() throws SQLException {
        assertThat(tablesOf(SeedSchemas.ERRORTRANSLATOR)).contains("public.users", "public.api_keys",
                "public.subscriptions", "public.usage_logs", "public.token_blacklist");
    }

    @Test
    void hardCaseSchemaMigrates() throws SQLException {
        assertThat(tablesOf(SeedSchemas.HARDCASES)).contains("public.events", "public.events_2025",
                "audit.events", "public.LegacyItems", "public.order_lines", "public.type_samples");
    }

    private List<String> tablesOf(String location) throws SQLException {
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations(location).poolSize(0).build();
        try (DisposableDatabase db = template.checkout(); Connection c = db.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                     + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}

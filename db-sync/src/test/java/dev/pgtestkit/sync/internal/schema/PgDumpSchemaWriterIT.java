package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.catalog;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.execute;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.normalize;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.resource;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.restore;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import dev.pgtestkit.sync.DumpException;
import dev.pgtestkit.sync.internal.schema.SchemaWriter.SchemaScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The pg_dump writer, against a server whose major version the pg_dump on the PATH matches (the machine's
 * PostgreSQL 15 with PGTESTKIT_URL); elsewhere only its refusals are tested.
 */
class PgDumpSchemaWriterIT {

    private static final PostgresServer SERVER = PostgresProvider.auto().shared();

    @Test
    void writesRestorableDeterministicScriptsWithAMatchingPgDump() throws SQLException {
        try (DisposableDatabase source = DatabaseTemplate.empty(SERVER).checkout()) {
            assumeTrue(pgDumpMatches(source), "needs a pg_dump of the server's major version on the PATH"
                    + " (the machine's pg_dump 15 matches the PGTESTKIT_URL server, not embedded 17)");
            execute(source, resource("kinds.sql"));
            PgDumpSchemaWriter writer = new PgDumpSchemaWriter(PgDumpSchemaWriter.onPath(), null, false);
            SchemaScripts scripts = write(writer, source, t -> true);
            assertThat(write(writer, source, t -> true)).isEqualTo(scripts);
            assertThat(scripts.preData()).contains("CREATE TABLE inventory.stock").doesNotContain("\\restrict",
                    "OWNER TO", "GRANT ");
            assertThat(scripts.postData()).contains("ADD CONSTRAINT stock_pkey PRIMARY KEY (sku);");
            try (DisposableDatabase target = DatabaseTemplate.empty(SERVER).checkout()) {
                restore(scripts, target);
                assertThat(catalog(target)).containsExactlyElementsOf(
                        catalog(source).stream().map(SchemaScriptsSupport::normalize).sorted().toList());
                // Both writers agree on what the restored database holds.
                SchemaScripts builtIn = write(source);
                SchemaScripts restored = write(target);
                assertThat(restored.preData()).isEqualTo(normalize(builtIn.preData()));
                assertThat(restored.postData()).isEqualTo(normalize(builtIn.postData()));
            }
        }
    }

    @Test
    void leavesOutExcludedTablesAndWorksWithoutATransaction() throws SQLException {
        try (DisposableDatabase source = DatabaseTemplate.builder(SERVER).flywayLocations(SeedSchemas.KEEPNOTION)
                .build().checkout()) {
            assumeTrue(pgDumpMatches(source), "needs a pg_dump of the server's major version on the PATH");
            try (Connection c = source.connect()) {
                SchemaScripts scripts = new PgDumpSchemaWriter(PgDumpSchemaWriter.onPath(), null, false)
                        .write(c, t -> !t.name().equals("flyway_schema_history"));
                assertThat(scripts.preData()).contains("CREATE TABLE public.sync_jobs")
                        .doesNotContain("flyway_schema_history");
            }
        }
    }

    @Test
    void refusesAPgDumpOfAnotherMajorVersion(@org.junit.jupiter.api.io.TempDir Path dir)
            throws SQLException, IOException {
        Path fake = dir.resolve("pg_dump");
        Files.writeString(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9'\n", StandardCharsets.UTF_8);
        assumeTrue(fake.toFile().setExecutable(true), "needs an executable script");
        assertThat(PgDumpSchemaWriter.onPath(dir + java.io.File.pathSeparator + "/nonexistent")).isEqualTo(fake);
        try (DisposableDatabase db = DatabaseTemplate.empty(SERVER).checkout(); Connection c = db.connect()) {
            assertThatThrownBy(() -> new PgDumpSchemaWriter(fake, null, false).write(c, t -> true))
                    .isInstanceOf(DumpException.class)
                    .hasMessageContaining("pg_dump 9 (" + fake + ") cannot write the schema of this PostgreSQL")
                    .hasMessageContaining("--schema-writer=builtin");
            Path missing = dir.resolve("no-such-pg_dump");
            assertThatThrownBy(() -> new PgDumpSchemaWriter(missing, null, false).write(c, t -> true))
                    .isInstanceOf(DumpException.class).hasMessageContaining("Cannot run " + missing)
                    .hasMessageContaining("--schema-writer=builtin");
        }
    }

    private static boolean pgDumpMatches(DisposableDatabase db) throws SQLException {
        Path pgDump = PgDumpSchemaWriter.onPath();
        if (!Files.isExecutable(pgDump)) {
            return false;
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            new PgDumpSchemaWriter(pgDump, null, false).write(c, t -> false);
            return true;
        } catch (DumpException e) {
            return false;
        }
    }
}

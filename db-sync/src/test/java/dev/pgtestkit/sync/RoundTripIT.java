package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.files;
import static dev.pgtestkit.sync.SyncTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hard-case and seed schemas, filled by the mock generator, through the built-in path: dump, restore, and the
 * restored database is the source again (the same registry model, the same schema scripts and data files byte for
 * byte, sequences where they were, verify(dir, db) passes).
 */
class RoundTripIT {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {SeedSchemas.HARDCASES, SeedSchemas.KEEPNOTION, SeedSchemas.VOICENOTE,
        SeedSchemas.ERRORTRANSLATOR})
    void restoresWhatItDumped(String schema) throws Exception {
        String targetName = "pgtestkit_roundtrip_" + UUID.randomUUID().toString().substring(0, 8);
        try (DisposableDatabase source = DatabaseTemplate.builder(SERVER).flywayLocations(schema).build().checkout()) {
            MockDataGenerator.builder(source.dataSource()).seed(7).build()
                    .generate(GenerationPlan.builder().allTables(120).build());
            PgDatabase from = PgDatabase.of(SERVER, source.name());
            Path dump = tmp.resolve("dump");
            DumpManifest manifest = Dumper.dump(from, dump, DumpOptions.builder().jobs(2).build());
            assertThat(manifest.totalRows()).isGreaterThan(100);

            PgDatabase target = PgDatabase.of(SERVER, targetName);
            Restorer.restore(dump, target, RestoreOptions.builder().jobs(2).build());

            try (var a = from.connect(); var b = target.connect()) {
                assertThat(normalized(SchemaRegistry.load(b).tables().toString()))
                        .isEqualTo(normalized(SchemaRegistry.load(a).tables().toString()));
                assertThat(SchemaRegistry.load(b).sequences()).isEqualTo(SchemaRegistry.load(a).sequences());
            }
            assertThat(sequences(target)).isEqualTo(sequences(from));
            Path again = tmp.resolve("again");
            Dumper.dump(target, again);
            for (String f : files(dump)) {
                if (f.startsWith(DumpLayout.DATA)) {
                    assertThat(Files.readString(again.resolve(f))).as(f).isEqualTo(Files.readString(dump.resolve(f)));
                } else if (!f.equals(DumpLayout.MANIFEST)) {
                    assertThat(normalized(Files.readString(again.resolve(f)))).as(f)
                            .isEqualTo(normalized(Files.readString(dump.resolve(f))));
                }
            }
            Verifier.verify(dump, target);
        } finally {
            if (SERVER.databases(targetName).contains(targetName)) {
                SERVER.dropDatabase(targetName);
            }
        }
    }

    /**
     * Definitions without casts and parentheses. PostgreSQL prints {@code varchar_col IN ('a', 'b')} as
     * {@code ((c)::text = ANY ((ARRAY['a'::character varying, ...])::text[]))}, which parses back into a tree that
     * prints as {@code ARRAY[('a'::character varying)::text, ...]}: the same check, other text (pg_dump's output does
     * the same). Everything else must match as it is.
     */
    static String normalized(String text) {
        return text.replaceAll("::[a-z ]+(\\(\\d+\\))?(\\[\\])?", "").replaceAll("[()]", "");
    }

    private static List<List<String>> sequences(PgDatabase db) {
        return rows(db, "SELECT schemaname, sequencename, last_value FROM pg_sequences ORDER BY 1, 2");
    }
}

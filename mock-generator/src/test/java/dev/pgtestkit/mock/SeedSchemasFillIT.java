package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every table of the three seed applications and of the hard-case schema filled with thousands of rows: the
 * server accepts them (constraints are enforced on load and at commit), children spread over their parents, and
 * only the checks the generator cannot parse are left to the server's evaluation.
 */
class SeedSchemasFillIT {

    private static final int ROWS = 3000;

    /** Per schema, the checks only the server can evaluate, and how many rows it rejected: {@code [checks] rows}. */
    private static final Map<String, Map<String, String>> SERVER_CHECKED = Map.of(
            SeedSchemas.KEEPNOTION, Map.of(),
            SeedSchemas.VOICENOTE, Map.of(),
            SeedSchemas.ERRORTRANSLATOR, Map.of(),
            SeedSchemas.HARDCASES, Map.of());

    @ParameterizedTest
    @ValueSource(strings = {SeedSchemas.KEEPNOTION, SeedSchemas.VOICENOTE, SeedSchemas.ERRORTRANSLATOR,
        SeedSchemas.HARDCASES})
    void fillsEveryTableWithoutAViolation(String location) {
        try (DisposableDatabase db = TestDatabases.migrated(location)) {
            GenerationResult result = MockDataGenerator.builder(db.dataSource()).seed(11).threads(2).build()
                    .generate(GenerationPlan.builder().allTables(ROWS).build());
            for (Table t : TestDatabases.tables(db)) {
                assertThat(TestDatabases.count(db, "SELECT count(*) FROM " + t.name().quoted()))
                        .as(t.name().toString()).isEqualTo(ROWS);
            }
            assertThat(result.totalRows()).isEqualTo((long) ROWS * TestDatabases.tables(db).size());
            assertThat(TestDatabases.narrowForeignKeys(db, 0.2)).isEmpty();
            assertThat(TestDatabases.serverChecked(result)).isEqualTo(SERVER_CHECKED.get(location));
        }
    }
}

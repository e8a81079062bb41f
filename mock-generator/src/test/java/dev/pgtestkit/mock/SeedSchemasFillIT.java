package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every table of the three seed applications and of the hard-case schema filled with thousands of rows: the
 * server accepts them (constraints are enforced on load and at commit), and queries confirm no foreign key or
 * check is broken.
 */
class SeedSchemasFillIT {

    private static final int ROWS = 3000;

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
            assertThat(TestDatabases.foreignKeyViolations(db)).isEmpty();
            assertThat(TestDatabases.checkViolations(db)).isEmpty();
        }
    }
}

package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same seed gives byte-identical tables on every run, whatever the thread count and chunk size. */
class DeterminismIT {

    private static String generate(String location, long seed, int threads, int chunkRows) {
        try (DisposableDatabase db = TestDatabases.migrated(location)) {
            MockDataGenerator.builder(db.dataSource()).seed(seed).threads(threads).chunkRows(chunkRows).build()
                    .generate(GenerationPlan.builder().allTables(2500).build());
            return TestDatabases.contentDigest(db);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SeedSchemas.HARDCASES, SeedSchemas.ERRORTRANSLATOR})
    void twoRunsAndTwoThreadCountsHashTheSame(String location) {
        String oneThread = generate(location, 21, 1, 4096);
        String fourThreads = generate(location, 21, 4, 333);
        assertThat(fourThreads).isEqualTo(oneThread);
        assertThat(generate(location, 22, 2, 4096)).isNotEqualTo(oneThread);
    }
}

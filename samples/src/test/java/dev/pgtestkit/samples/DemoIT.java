package dev.pgtestkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.samples.keep.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo on the run's server (embedded, PGTESTKIT_URL or a container): every step does what it prints. */
class DemoIT {

    @TempDir
    Path output;

    @Test
    void demoRunsEveryStepShowsItsPointAndLeavesNoProductionDatabaseBehind() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoResult result = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8), output).run();
        String text = printed.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("1. Server", "2. Production database", "3. Test database",
                "4. Mock data (production)", "5. Workload", "6. HTML report", "7. JUnit test", "Done in ");
        assertThat(result.generatedRows()).isGreaterThan(Demo.JOBS + Demo.SYNC_STATES);
        assertThat(result.syncRuns()).hasSize(3).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(run.processedNotes()).isEqualTo(29); // note 17 is refused by the simulated Notion
            assertThat(run.failedNotes()).isEqualTo(1);
        });
        assertThat(result.historyFirstVersion().nPlusOneFindings()).singleElement()
                .satisfies(finding -> assertThat(finding.normalizedSql()).contains("FROM sync_logs WHERE job_id = ?"));
        assertThat(result.historyFixed().nPlusOneFindings()).isEmpty();
        assertThat(result.historyFixed().selectCount()).isEqualTo(1);
        assertThat(text).contains("N+1: ").contains("summary (largest total time first)");
        assertThat(Files.readString(result.report())).contains("N+1").contains("FROM sync_logs");
        assertThat(result.junit().getTestsSucceededCount()).isEqualTo(1);
        assertThat(result.junit().getTotalFailureCount()).isZero();

        PostgresServer server = PostgresProvider.auto().shared();
        assertThat(server.databases(Demo.PRODUCTION_PREFIX)).isEmpty(); // the test clone is dropped in the background
    }
}

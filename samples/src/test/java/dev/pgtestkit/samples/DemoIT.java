package dev.pgtestkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.samples.keep.JobStatus;
import dev.pgtestkit.sync.cli.Pgtestkit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pgtestkit demo} through the CLI on the run's server (embedded, PGTESTKIT_URL or a container), twice in a
 * row: every step does what it prints, and nothing is left behind.
 */
class DemoIT {

    @TempDir
    Path output;

    @Test
    void demoRunsEveryStepShowsItsPointAndRunsAgain() throws Exception {
        StringWriter printed = new StringWriter();
        DemoResult result = runThroughTheCli(printed);
        String text = printed.toString();

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

        DemoResult again = runThroughTheCli(new StringWriter());
        assertThat(again.generatedRows()).isEqualTo(result.generatedRows()); // same seed, same rows
        assertThat(again.junit().getTotalFailureCount()).isZero();
        assertThat(server.databases(Demo.PRODUCTION_PREFIX)).isEmpty();
    }

    private DemoResult runThroughTheCli(StringWriter printed) {
        CommandLine cli = Pgtestkit.commandLine();
        cli.setOut(new PrintWriter(printed, true));
        assertThat(cli.execute("demo", "--out", output.toString())).isZero();
        return ((DemoCommand) cli.getSubcommands().get("demo").getCommand()).result();
    }
}

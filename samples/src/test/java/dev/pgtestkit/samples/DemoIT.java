package dev.pgtestkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.samples.keep.JobStatus;
import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.cli.Pgtestkit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
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
                "4. Mock data (production)", "5. Workload", "6. HTML report", "7. Masked dump", "8. Git commit",
                "9. Restore (test)", "10. Verify (test)", "11. JUnit test", "Done in ");
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
        assertSharedMaskedThroughGit(result);
        assertThat(result.junit().getTestsSucceededCount()).isEqualTo(1);
        assertThat(result.junit().getTotalFailureCount()).isZero();
        PostgresServer server = PostgresProvider.auto().shared();
        assertThat(server.databases(Demo.PRODUCTION_PREFIX)).isEmpty(); // the test clone is dropped in the background

        DemoResult again = runThroughTheCli(new StringWriter());
        assertThat(again.generatedRows()).isEqualTo(result.generatedRows()); // same seed, same rows
        assertThat(again.junit().getTotalFailureCount()).isZero();
        assertThat(again.commit().changed()).isTrue(); // the workload's new jobs: a second commit on the first
        try (Git git = Git.open(output.resolve("repo").toFile())) {
            assertThat(git.log().call()).hasSize(2);
        }
        assertThat(server.databases(Demo.PRODUCTION_PREFIX)).isEmpty();
    }

    /** Dumped masked (no user id in clear), committed, restored into the test database and verified there. */
    private void assertSharedMaskedThroughGit(DemoResult result) throws Exception {
        assertThat(result.dump().totalRows()).isGreaterThan(result.generatedRows());
        Path credentials = output.resolve("repo/dumps/production")
                .resolve(DumpLayout.dataFile(QualifiedName.of("public", "credentials"), 0));
        assertThat(Files.readString(credentials)).hasLineCount(3).contains("user-0000\t\\N\t\\N\t")
                .doesNotContain("notion-db");
        assertThat(result.commit().changed()).isTrue();
        try (Git git = Git.open(output.resolve("repo").toFile())) {
            assertThat(git.getRepository().resolve("HEAD").name()).isEqualTo(result.commit().commit());
            assertThat(git.status().call().isClean()).isTrue();
        }
        assertThat(result.restore().database()).isEqualTo(result.testDatabase());
        assertThat(result.restore().rows()).isEqualTo(result.dump().totalRows());
        assertThat(result.verify().rows()).isEqualTo(result.dump().totalRows());
    }

    private DemoResult runThroughTheCli(StringWriter printed) {
        CommandLine cli = Pgtestkit.commandLine();
        cli.setOut(new PrintWriter(printed, true));
        assertThat(cli.execute("demo", "--out", output.toString())).isZero();
        return ((DemoCommand) cli.getSubcommands().get("demo").getCommand()).result();
    }
}

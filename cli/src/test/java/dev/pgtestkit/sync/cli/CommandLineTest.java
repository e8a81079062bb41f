package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line without a database: options, help, usage errors and their exit codes. */
class CommandLineTest {

    @Test
    void versionNamesPgtestkitJavaAndTheOs() {
        Cli.Run run = Cli.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("pgtestkit 0.").contains("Java 17", "OS ");
    }

    @Test
    void noCommandPrintsTheUsageAndExitsWithTheUsageCode() {
        Cli.Run run = Cli.run();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Usage: pgtestkit", "schema", "mock", "demo", "completion");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        List<String> names = List.copyOf(Pgtestkit.commandLine().getSubcommands().keySet());
        assertThat(names).contains("dump", "restore", "verify", "list", "sync", "workflow", "schema", "mock",
                "completion", "demo");
        assertThat(Cli.run("workflow", "refresh-test-db", "--help").out()).contains("Examples:");
        for (String name : names) {
            if (name.equals("help")) {
                continue;
            }
            Cli.Run run = Cli.run(name, "--help");
            assertThat(run.exitCode()).as(name).isZero();
            assertThat(run.out()).as(name).contains("Usage: pgtestkit " + name, "Examples:");
        }
    }

    @Test
    void negativeRowsAreAUsageErrorNamingTheOption() {
        Cli.Run run = Cli.run("mock", "--url", "jdbc:postgresql://127.0.0.1:1/x", "--table", "users", "--rows", "-1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'--rows'", "must be 1 or more, got -1", "pgtestkit mock --help")
                .doesNotContain("at dev.pgtestkit", "Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rowsThatAreNotANumberAndATableWithoutRowsAreUsageErrors() {
        assertThat(Cli.run("mock", "--url", "u", "--table", "users", "--rows", "lots").err())
                .contains("'lots' is not a whole number");
        Cli.Run missing = Cli.run("mock", "--url", "u", "--table", "users");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--rows");
        Cli.Run both = Cli.run("mock", "--url", "u", "--table", "users", "--rows", "3", "--plan", "p.yaml");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--plan", "--table", "either");
        Cli.Run neither = Cli.run("mock", "--url", "u");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("--table T --rows N", "--plan FILE");
    }

    @Test
    void aMisspelledOptionGetsASuggestion() {
        Cli.Run run = Cli.run("schema", "--tabel", "users", "--url", "u");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown options: '--tabel'", "Did you mean: --table?");
    }

    @Test
    void aDatabaseIsRequiredAndPasswordsStayOffTheCommandLine() {
        Cli.Run none = Cli.run("schema");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("No database given", "--db NAME", "--url URL");
        Cli.Run password = Cli.run("schema", "--url", "jdbc:postgresql://h/db?user=u&password=hunter2");
        assertThat(password.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(password.err()).contains("PGPASSWORD", "~/.pgpass").doesNotContain("hunter2");
        Cli.Run notAUrl = Cli.run("schema", "--url", "postgres://h/db");
        assertThat(notAUrl.err()).contains("is not a PostgreSQL JDBC URL", "jdbc:postgresql://");
    }

    @Test
    void jsonErrorsAreOneDocumentOnStandardOutput() {
        Cli.Run run = Cli.run("--json", "mock", "--url", "u", "--table", "t", "--rows", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).startsWith("{").contains("\"ok\" : false", "\"exitCode\" : 64",
                "must be 1 or more, got 0");
    }

    @Test
    void rootOptionsAreAcceptedAfterTheSubcommandToo() {
        Cli.Run run = Cli.run("demo", "--json");
        assertThat(run.out()).contains("\"ok\" : false");
    }

    @Test
    void withoutTheSamplesTheDemoSaysHowToGetIt() {
        Cli.Run run = Cli.run("demo");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("samples", "./pgtestkit demo").doesNotContain("\tat ");
        assertThat(Cli.run("--verbose", "demo").err()).contains("\tat dev.pgtestkit.sync.cli");
    }

    @Test
    void completionScriptsCompleteTheSubcommands() {
        for (String shell : List.of("bash", "zsh")) {
            Cli.Run run = Cli.run("completion", shell);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("complete -F", "pgtestkit", "schema", "mock", "--rows", "bashcompinit");
        }
        assertThat(Cli.run("completion", "fish").err()).contains("Invalid value", "BASH", "ZSH");
    }

    @Test
    void theProgressModeIsChecked() {
        Cli.Run run = Cli.run("--progress", "rainbow", "demo");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'rainbow' is not a progress mode");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithAHint() {
        @CommandLine.Command(name = "boom")
        class Boom implements java.util.concurrent.Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("kaput");
            }
        }
        CommandLine line = Pgtestkit.commandLine().addSubcommand(new Boom());
        java.io.StringWriter err = new java.io.StringWriter();
        line.setErr(new java.io.PrintWriter(err, true));
        assertThat(line.execute("boom")).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).contains("unexpected java.lang.IllegalStateException: kaput", "--verbose");
    }

    @Test
    void restoreNeedsExactlyOneDumpAndATarget() {
        Cli.Run none = Cli.run("restore", "--url", "jdbc:postgresql://h/db");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--input DIR, --latest or --commit REV");
        Cli.Run two = Cli.run("restore", "--input", "d", "--latest", "--url", "jdbc:postgresql://h/db");
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run noTarget = Cli.run("restore", "--input", "d");
        assertThat(noTarget.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTarget.err()).contains("No database given", "--target NAME or --url URL");
        Cli.Run jobs = Cli.run("restore", "--input", "d", "--url", "jdbc:postgresql://h/db", "--jobs", "0");
        assertThat(jobs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(jobs.err()).contains("'--jobs'", "must be 1 or more");
    }

    @Test
    void dumpChecksItsOptionsBeforeConnecting() {
        Cli.Run size = Cli.run("dump", "--url", "jdbc:postgresql://127.0.0.1:1/db", "--chunk-size", "lots");
        assertThat(size.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(size.err()).contains("'lots' is not a size", "50MB");
        Cli.Run where = Cli.run("dump", "--url", "jdbc:postgresql://127.0.0.1:1/db", "--where", "users");
        assertThat(where.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(where.err()).contains("--where", "TABLE=CONDITION");
        Cli.Run writer = Cli.run("dump", "--url", "jdbc:postgresql://127.0.0.1:1/db", "--schema-writer", "psql");
        assertThat(writer.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(writer.err()).contains("use built-in or pg_dump");
    }

    @Test
    void syncAndWorkflowSayWhatIsMissing() {
        Cli.Run sync = Cli.run("sync");
        assertThat(sync.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sync.err()).contains("--from REMOTE (fetch) or --to REMOTE (send)");
        Cli.Run both = Cli.run("sync", "--from", "a@b", "--to", "c@d");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run workflow = Cli.run("workflow");
        assertThat(workflow.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(workflow.err()).contains("--dump-and-commit", "refresh-test-db");
        Cli.Run noConfig = Cli.run("--config", "/nonexistent/pgtestkit.yaml", "workflow", "--dump-and-commit");
        assertThat(noConfig.exitCode()).isEqualTo(19);
        assertThat(noConfig.err()).contains("/nonexistent/pgtestkit.yaml does not exist");
    }
}

package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.sync.cli.internal.Subcommands;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run registers only the subcommand it names; whatever needs the others gets them all. */
class LazySubcommandsTest {

    @Test
    void aRunOfOneBuiltInCommandRegistersThatCommandOnly() {
        assertThat(Subcommands.select(List.of("schema", "--help")).commands()).containsOnlyKeys("schema");
        assertThat(Subcommands.select(List.of("--config", "dump", "--json", "list")).commands())
                .containsOnlyKeys("list"); // "dump" is --config's value here
        assertThat(Subcommands.select(List.of("--progress", "plain", "mock", "--rows", "1")).commands())
                .containsOnlyKeys("mock");
        assertThat(Subcommands.select(List.of("--version")).commands()).isEmpty();
    }

    @Test
    void helpCompletionTheDemoTyposAndNoCommandGetEveryCommand() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("--version", "--help"),
                List.of("help", "dump"), List.of("completion", "bash"), List.of("demo"), List.of("dmup"))) {
            assertThat(Subcommands.select(args)).as(args.toString()).isNull();
        }
        assertThat(Subcommands.all()).containsKeys("dump", "restore", "verify", "list", "sync", "workflow", "schema",
                "mock", "completion", "help");
    }

    @Test
    void theSelectedCommandRunsWithTheRootOptionsAndTheUsualExitCodes() {
        List<String> help = List.of("--json", "schema", "--help");
        CommandLine line = Pgtestkit.commandLine(System.getenv(), help);
        StringWriter out = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        assertThat(line.getSubcommands()).containsOnlyKeys("schema");
        assertThat(line.execute(help.toArray(String[]::new))).isZero();
        assertThat(out.toString()).contains("Usage: pgtestkit schema", "--json", "Examples:");

        List<String> bad = List.of("mock", "--url", "jdbc:postgresql://localhost/x", "--table", "t", "--rows", "-1");
        CommandLine mock = Pgtestkit.commandLine(System.getenv(), bad);
        mock.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(mock.execute(bad.toArray(String[]::new))).isEqualTo(ExitCodes.USAGE);

        List<String> version = List.of("--version");
        CommandLine root = Pgtestkit.commandLine(System.getenv(), version);
        StringWriter printed = new StringWriter();
        root.setOut(new PrintWriter(printed, true));
        assertThat(root.execute("--version")).isZero();
        assertThat(printed.toString()).startsWith("pgtestkit ");
    }
}

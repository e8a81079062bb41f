package dev.pgtestkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.sync.cli.Pgtestkit;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI finds the samples' demo through its ServiceLoader, in place of its placeholder. */
class DemoCommandTest {

    @Test
    void theCliRunsTheSamplesDemo() {
        CommandLine cli = Pgtestkit.commandLine();
        StringWriter help = new StringWriter();
        cli.setOut(new PrintWriter(help, true));

        Object demo = cli.getSubcommands().get("demo").getCommand();
        assertThat(demo).isInstanceOf(DemoCommand.class);
        assertThat(cli.execute("demo", "--help")).isZero();
        assertThat(help.toString()).contains("Usage: pgtestkit demo", "--out=DIR", "Keep sync sample");
    }
}

package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pgtestkit completion bash|zsh}: the shell completion script (picocli's AutoComplete). */
@Command(name = "completion",
        description = {"Print a completion script for bash or zsh.",
            "The script completes subcommands, options and enum values."},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(pgtestkit completion bash)      # in this bash session",
            "  pgtestkit completion bash > /etc/bash_completion.d/pgtestkit",
            "  source <(pgtestkit completion zsh)       # zsh, through bashcompinit"})
public final class CompletionCommand implements Callable<Integer> {

    /** The shells the script works in. */
    enum Shell { BASH, ZSH }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        // picocli's script is a bash completion function; under zsh it loads compinit and bashcompinit itself.
        String script = AutoComplete.bash(spec.root().name(), root);
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }
}

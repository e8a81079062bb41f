package dev.pgtestkit.sync.cli;

import dev.pgtestkit.sync.SyncConfig;
import dev.pgtestkit.sync.cli.internal.DemoCommand;
import dev.pgtestkit.sync.cli.internal.Errors;
import dev.pgtestkit.sync.cli.internal.Subcommands;
import dev.pgtestkit.sync.cli.internal.VersionInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code pgtestkit} command: root options shared by every subcommand, and {@link #main} / {@link #execute}.
 * Exit codes are the failing exception's {@link dev.pgtestkit.core.PgTestkitException#errorCode()} (see
 * {@link ExitCodes}).
 */
@Command(name = "pgtestkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {"Test, fill, dump, restore and share PostgreSQL databases.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pgtestkit dump --url jdbc:postgresql://localhost/shop --output dumps/shop",
            "  pgtestkit restore --input dumps/shop --url jdbc:postgresql://localhost/shop_test",
            "  pgtestkit verify dumps/shop",
            "  pgtestkit schema --url jdbc:postgresql://localhost/shop",
            "  pgtestkit mock --url jdbc:postgresql://localhost/shop --table users --rows 10",
            "  pgtestkit demo",
            "  source <(pgtestkit completion bash)",
            "",
            "Exit codes: 0 success, 64 bad usage, others by failure (see the CLI's README)."})
public final class Pgtestkit implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces with errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress and no informational messages; errors only.")
    boolean quiet;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result (or the error) as one JSON document on standard output.")
    boolean json;

    @Option(names = "--progress", scope = ScopeType.INHERIT, defaultValue = "auto", paramLabel = "MODE",
            converter = ProgressModeConverter.class,
            description = "auto (bars on a terminal, plain lines otherwise), bars, plain or none. Default: ${DEFAULT-VALUE}.")
    Progress.Mode progress = Progress.Mode.AUTO;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The configuration file (default: pgtestkit.yaml in this directory or a parent).")
    Path configFile;

    private final Map<String, String> environment;
    private SyncConfig config;

    private Pgtestkit(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Without a subcommand: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code --verbose}. */
    public boolean verbose() {
        return verbose;
    }

    /** {@code --json}. */
    public boolean json() {
        return json;
    }

    /**
     * The configuration ({@code --config FILE}, else {@code pgtestkit.yaml} found from the working directory up), read
     * on first use.
     *
     * @throws dev.pgtestkit.sync.ConfigException when there is none or it is invalid (naming file, line and key)
     */
    public synchronized SyncConfig config() {
        if (config == null) {
            config = configFile != null ? SyncConfig.load(configFile, environment)
                    : SyncConfig.discover(Path.of("").toAbsolutePath(), environment);
        }
        return config;
    }

    /** The environment variables the commands read: the process's (tests give their own). */
    public Map<String, String> environment() {
        return environment;
    }

    /** Where commands write, with the root options applied. */
    public CommandOutput io() {
        CommandLine line = spec.commandLine();
        return new CommandOutput(line.getOut(), line.getErr(), json, quiet, verbose, progress);
    }

    /**
     * The configured command line: built-in subcommands, the ones {@link CommandProvider}s on the class path add,
     * error handlers that print messages (stack traces with {@code --verbose}) and map exit codes.
     */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** {@link #commandLine()} reading {@code environment} instead of the process's variables (for tests). */
    static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, null);
    }

    /**
     * The command line for running {@code args}: only the subcommand they name when it is a built-in one (see
     * {@link Subcommands#select}: a shorter start), else every subcommand.
     */
    static CommandLine commandLine(Map<String, String> environment, List<String> args) {
        CommandLine line = new CommandLine(new Pgtestkit(environment));
        Subcommands.Selection selection = args == null ? null : Subcommands.select(args);
        if (selection != null) {
            selection.commands().forEach(line::addSubcommand);
        } else {
            Subcommands.all().forEach(line::addSubcommand);
            addProvidedCommands(line);
        }
        line.setExecutionExceptionHandler(Errors::onExecution);
        line.setParameterExceptionHandler(Errors::onUsage);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        return line;
    }

    private static void addProvidedCommands(CommandLine line) {
        boolean demoProvided = false;
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
            Object command = provider.command();
            CommandLine sub = new CommandLine(command);
            if (line.getSubcommands().containsKey(sub.getCommandName())) {
                throw new IllegalStateException("Two commands are named " + sub.getCommandName() + ": "
                        + command.getClass().getName() + " and a built-in or other provided one");
            }
            demoProvided |= "demo".equals(sub.getCommandName());
            line.addSubcommand(sub.getCommandName(), command);
        }
        if (!demoProvided) {
            line.addSubcommand("demo", new DemoCommand());
        }
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine(System.getenv(), List.of(args)).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** {@code auto}, {@code bars}, {@code plain} or {@code none}, in any case. */
    static final class ProgressModeConverter implements CommandLine.ITypeConverter<Progress.Mode> {
        @Override
        public Progress.Mode convert(String value) {
            try {
                return Progress.Mode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a progress mode: use auto, bars, plain or none");
            }
        }
    }
}

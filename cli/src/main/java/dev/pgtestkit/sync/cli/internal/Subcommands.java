package dev.pgtestkit.sync.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The built-in subcommands, and which of them a command line needs. picocli reads every registered command's
 * annotations when the command line is built (reflection, annotation proxies, about 30 classes a command), so a run
 * of one command registers that command only; the root's help, completion, {@code help}, the demo (which a
 * {@link dev.pgtestkit.sync.cli.CommandProvider} may provide) and anything unrecognised get all of them.
 */
public final class Subcommands {

    private static final Map<String, Supplier<Object>> BUILT_IN = builtIn();
    /** Root options that take a value: the word after them is not a command name. */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--config", "--progress");

    private Subcommands() {
    }

    private static Map<String, Supplier<Object>> builtIn() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("dump", DumpCommand::new);
        commands.put("restore", RestoreCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("list", ListCommand::new);
        commands.put("sync", SyncCommand::new);
        commands.put("workflow", WorkflowCommand::new);
        commands.put("schema", SchemaCommand::new);
        commands.put("mock", MockCommand::new);
        commands.put("completion", CompletionCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** Every built-in subcommand, new instances in help order. */
    public static Map<String, Object> all() {
        Map<String, Object> commands = new LinkedHashMap<>();
        BUILT_IN.forEach((name, command) -> commands.put(name, command.get()));
        return commands;
    }

    /**
     * The one built-in subcommand {@code args} run, or {@code null} when they need every command: no command name
     * (except a lone {@code --version}), the root's help, {@code help}, {@code completion}, or a name that is not
     * built in (the demo, a typo that picocli answers with suggestions).
     */
    public static Selection select(List<String> args) {
        String name = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                name = arg;
                break;
            }
        }
        if (name == null) {
            boolean versionOnly = args.stream().anyMatch(a -> a.equals("-V") || a.equals("--version"))
                    && args.stream().noneMatch(a -> a.equals("-h") || a.equals("--help"));
            return versionOnly ? new Selection(Map.of()) : null;
        }
        if (name.equals("help") || name.equals("completion") || !BUILT_IN.containsKey(name)) {
            return null;
        }
        return new Selection(Map.of(name, BUILT_IN.get(name).get()));
    }

    /** The subcommands a run needs (none for {@code --version}). */
    public record Selection(Map<String, Object> commands) {}
}

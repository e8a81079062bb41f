package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.sync.cli.ExitCodes;
import dev.pgtestkit.sync.cli.Pgtestkit;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into a message on standard error (the stack trace only with {@code --verbose}), a JSON error
 * document on standard output with {@code --json}, and an exit code.
 */
public final class Errors {

    private Errors() {
    }

    /** A command failed while running. */
    public static int onExecution(Exception failure, CommandLine command, ParseResult parseResult) {
        Pgtestkit root = root(command);
        int code = ExitCodes.of(failure);
        String message = message(failure, code);
        report(command, root, code, failure, "error: " + message);
        return code;
    }

    /** The command line could not be parsed or a value was refused. */
    public static int onUsage(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String help = "Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage and examples.";
        StringBuilder text = new StringBuilder("error: ").append(failure.getMessage());
        if (failure instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            text.append(System.lineSeparator()).append("Did you mean: ")
                    .append(String.join(", ", unmatched.getSuggestions())).append('?');
        }
        text.append(System.lineSeparator()).append(help);
        report(command, root(command), ExitCodes.USAGE, failure, text.toString());
        return ExitCodes.USAGE;
    }

    private static void report(CommandLine command, Pgtestkit root, int code, Exception failure, String text) {
        PrintWriter err = command.getErr();
        err.println(text);
        if (root != null && root.verbose()) {
            failure.printStackTrace(err);
        }
        err.flush();
        if (root != null && root.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", false);
            doc.put("exitCode", code);
            PgTestkitException known = ExitCodes.pgTestkitCause(failure);
            doc.put("error", (known != null ? known : failure).getClass().getSimpleName());
            doc.put("message", failure instanceof ParameterException ? failure.getMessage() : message(failure, code));
            PrintWriter out = command.getOut();
            out.println(Json.write(doc));
            out.flush();
        }
    }

    /** The failure's message; for an unexpected exception, what it is and how to see more. */
    static String message(Throwable failure, int code) {
        PgTestkitException known = ExitCodes.pgTestkitCause(failure);
        if (known != null) {
            return known.getMessage();
        }
        return "unexpected " + failure.getClass().getName() + ": " + failure.getMessage()
                + " (exit code " + code + "; run again with --verbose for the stack trace)";
    }

    private static Pgtestkit root(CommandLine command) {
        CommandLine top = command;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top.getCommand() instanceof Pgtestkit p ? p : null;
    }
}

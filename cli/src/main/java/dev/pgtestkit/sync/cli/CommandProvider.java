package dev.pgtestkit.sync.cli;

/**
 * Adds a subcommand to {@code pgtestkit} from another module on the class path, found with
 * {@link java.util.ServiceLoader} (list the implementation in
 * {@code META-INF/services/dev.pgtestkit.sync.cli.CommandProvider}). The samples module provides {@code demo} this
 * way, so the CLI does not depend on the samples.
 *
 * <p>The command is an instance of a class annotated with picocli's {@code @Command} (its {@code name} is the
 * subcommand's name) implementing {@code Callable<Integer>}; it may declare a {@code @ParentCommand Pgtestkit}
 * field to reach the shared options through {@link Pgtestkit#io()}. A provided command replaces a built-in one
 * of the same name (the built-in {@code demo} only explains how to get the real one).
 */
public interface CommandProvider {

    /** A new picocli command object; called once per command line. */
    Object command();
}

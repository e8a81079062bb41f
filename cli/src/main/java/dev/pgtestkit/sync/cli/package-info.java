/**
 * The {@code pgtestkit} command line (picocli): {@link dev.pgtestkit.sync.cli.Pgtestkit} is its entry point,
 * {@link dev.pgtestkit.sync.cli.CommandProvider} adds subcommands found on the class path (the samples' demo),
 * and {@link dev.pgtestkit.sync.cli.Progress} shows progress as bars on a terminal or as plain lines elsewhere.
 * Everything in {@code dev.pgtestkit.sync.cli.internal} is implementation. The library modules never depend on
 * this package or on picocli.
 */
package dev.pgtestkit.sync.cli;

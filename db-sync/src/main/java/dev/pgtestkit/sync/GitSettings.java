package dev.pgtestkit.sync;

import java.nio.file.Path;

/**
 * The {@code git} section of {@code pgtestkit.yaml}.
 *
 * @param repository the working tree that holds the dump directory (default: the configuration file's directory)
 * @param remote     the remote pushed to and pulled from (default {@code origin})
 * @param branch     the branch expected to be checked out, or {@code null} for whichever is
 */
public record GitSettings(Path repository, String remote, String branch) {}

package dev.pgtestkit.sync.cli;

import dev.pgtestkit.core.PgTestkitException;

/**
 * A command line or input file that cannot be used as given: a bad value, a missing option, a malformed plan file.
 * The message names the option or key and how to fix it. Exit code {@link ExitCodes#USAGE}.
 */
public class UsageException extends PgTestkitException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return ExitCodes.USAGE;
    }
}

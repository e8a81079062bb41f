package dev.pgtestkit.core;

/**
 * Root of every exception pgtestkit throws. Unchecked, so tests and callers are not forced to catch it.
 *
 * <p>Messages say what failed, the value involved and how to fix it. They never contain passwords.
 * {@link #errorCode()} is what the CLI turns into a process exit code.
 */
public class PgTestkitException extends RuntimeException {

    public PgTestkitException(String message) {
        super(message);
    }

    public PgTestkitException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Exit code for command-line use; subclasses give each failure family its own. */
    public int errorCode() {
        return 1;
    }
}

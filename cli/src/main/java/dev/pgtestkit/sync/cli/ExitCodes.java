package dev.pgtestkit.sync.cli;

import dev.pgtestkit.core.PgTestkitException;

/**
 * The process exit codes of {@code pgtestkit}. A failure's code is its exception's
 * {@link PgTestkitException#errorCode()} (the table in the CLI's README lists them); the CLI adds only the codes
 * below, which no exception has.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int SUCCESS = 0;

    /** A failure that is not a {@link PgTestkitException}: a bug; {@code --verbose} shows the stack trace. */
    public static final int INTERNAL_ERROR = 70;

    /** Bad command line: unknown option, missing or invalid value (as BSD's {@code sysexits.h} EX_USAGE). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }

    /** The exit code for a failure: the first {@link PgTestkitException} in its cause chain decides. */
    public static int of(Throwable failure) {
        PgTestkitException known = pgTestkitCause(failure);
        return known != null ? known.errorCode() : INTERNAL_ERROR;
    }

    /** The first {@link PgTestkitException} in the cause chain, or {@code null}. */
    public static PgTestkitException pgTestkitCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgTestkitException e) {
                return e;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

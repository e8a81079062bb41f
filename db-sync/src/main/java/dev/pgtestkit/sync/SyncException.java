package dev.pgtestkit.sync;

import dev.pgtestkit.core.PgTestkitException;

/** Root of db-sync's failures; subclasses name the family (and give the CLI its exit code). */
public class SyncException extends PgTestkitException {

    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 10;
    }
}

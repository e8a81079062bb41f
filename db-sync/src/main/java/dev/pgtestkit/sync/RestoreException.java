package dev.pgtestkit.sync;

/** A restore failed; the target database is left exactly as it was and the shadow database is dropped. */
public class RestoreException extends SyncException {

    private static final long serialVersionUID = 1L;

    public RestoreException(String message) {
        super(message);
    }

    public RestoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 12;
    }
}

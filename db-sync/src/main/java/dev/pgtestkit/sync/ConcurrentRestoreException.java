package dev.pgtestkit.sync;

/** Another restore of the same target database holds its advisory lock. */
public class ConcurrentRestoreException extends SyncException {

    private static final long serialVersionUID = 1L;

    public ConcurrentRestoreException(String message) {
        super(message);
    }

    public ConcurrentRestoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 18;
    }
}

package dev.pgtestkit.sync;

/**
 * Another machine could not be reached, refused us, or sent dumps that do not verify: an unknown or changed host
 * key, a key it does not accept, a broken transfer. The message says what happened and how to fix it; local dumps
 * are left as they were.
 */
public class RemoteSyncException extends SyncException {

    private static final long serialVersionUID = 1L;

    public RemoteSyncException(String message) {
        super(message);
    }

    public RemoteSyncException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 20;
    }
}

package dev.pgtestkit.sync;

/** A dump directory's {@code manifest.json} is missing, unreadable, or of a format newer than this pgtestkit reads. */
public class ManifestException extends SyncException {

    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 14;
    }
}

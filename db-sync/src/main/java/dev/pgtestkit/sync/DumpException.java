package dev.pgtestkit.sync;

/** A dump could not be written (SQL or I/O failure); no partial dump directory is left behind. */
public class DumpException extends SyncException {

    private static final long serialVersionUID = 1L;

    public DumpException(String message) {
        super(message);
    }

    public DumpException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 11;
    }
}

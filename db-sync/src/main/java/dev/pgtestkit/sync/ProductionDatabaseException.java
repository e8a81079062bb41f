package dev.pgtestkit.sync;

/** Refused by a safety rule: a database marked as production is a restore target only with an explicit flag. */
public class ProductionDatabaseException extends SyncException {

    private static final long serialVersionUID = 1L;

    public ProductionDatabaseException(String message) {
        super(message);
    }

    public ProductionDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 17;
    }
}

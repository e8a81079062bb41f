package dev.pgtestkit.core;

/** The database could not be reached, authentication failed, or a connection broke. */
public class ConnectionException extends PgTestkitException {

    private final String sqlState;

    public ConnectionException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public ConnectionException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** SQLState reported by the driver, or {@code null} when the failure happened before any server answer. */
    public String sqlState() {
        return sqlState;
    }

    @Override
    public int errorCode() {
        return 3;
    }
}

package dev.pgtestkit.core;

/** Migrations could not be read or applied to a template database. Names the location or script and the template. */
public class MigrationException extends PgTestkitException {

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 7;
    }
}

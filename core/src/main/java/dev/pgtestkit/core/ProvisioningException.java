package dev.pgtestkit.core;

import java.util.List;

/**
 * No Postgres server could be provided, or a disposable database could not be created. When
 * {@link PostgresProvider#auto()} fails, {@link #attempts()} holds one line per provider tried, each with
 * the reason and the fix; {@link #getCause()} is the first attempt's exception and {@link #getSuppressed()} holds the
 * later attempts' ones, so no stack trace is lost.
 */
public class ProvisioningException extends PgTestkitException {

    private final List<String> attempts;

    public ProvisioningException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public ProvisioningException(String message, List<String> attempts, Throwable cause) {
        super(message, cause);
        this.attempts = List.copyOf(attempts);
    }

    public List<String> attempts() {
        return attempts;
    }

    @Override
    public int errorCode() {
        return 2;
    }
}

package dev.pgtestkit.core;

import java.sql.Connection;
import javax.sql.DataSource;

/**
 * A throwaway database cloned from a template. Closing drops it, unless {@link #keep()} was called.
 * SKELETON: signatures agreed; the implementation is being written.
 */
public final class DisposableDatabase implements AutoCloseable {

    public String name() {
        throw new UnsupportedOperationException("being implemented");
    }

    public PostgresServer server() {
        throw new UnsupportedOperationException("being implemented");
    }

    /** JDBC URL with user, without password. */
    public String jdbcUrl() {
        throw new UnsupportedOperationException("being implemented");
    }

    public DataSource dataSource() {
        throw new UnsupportedOperationException("being implemented");
    }

    public Connection connect() {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Keep the database after close (e.g. for a failed test) and log its URL. */
    public DisposableDatabase keep() {
        throw new UnsupportedOperationException("being implemented");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("being implemented");
    }
}

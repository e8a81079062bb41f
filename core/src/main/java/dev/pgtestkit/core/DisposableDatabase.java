package dev.pgtestkit.core;

import java.sql.Connection;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway database cloned from a {@link DatabaseTemplate}. Closing gives it back to the template's pool, unless
 * {@link #keep()} was called: it is dropped in the background or, when provably nobody changed it (PostgreSQL 15+),
 * renamed and handed out again; either way its name stops working. Thread-safe.
 */
public final class DisposableDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DisposableDatabase.class);

    private final PostgresServer server;
    private final String name;
    private final Consumer<String> dropper;
    private volatile boolean kept;
    private volatile boolean closed;

    DisposableDatabase(PostgresServer server, String name, Consumer<String> dropper) {
        this.server = server;
        this.name = name;
        this.dropper = dropper;
    }

    public String name() {
        return name;
    }

    public PostgresServer server() {
        return server;
    }

    /** JDBC URL with the user, never the password. */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** A new DataSource for this database (credentials included); each call returns a new, unpooled one. */
    public DataSource dataSource() {
        requireOpen();
        return server.dataSource(name);
    }

    /** A new connection; the caller closes it. */
    public Connection connect() {
        requireOpen();
        return server.connect(name);
    }

    private void requireOpen() {
        if (closed && !kept) {
            throw new IllegalStateException("Database '" + name + "' was closed, which dropped it (or, unchanged, "
                    + "renamed it and gave it back to the pool): a DisposableDatabase serves until close(). Check out a "
                    + "new one (DatabaseTemplate.checkout()), or keep() it before closing it.");
        }
    }

    /**
     * Keeps the database after {@link #close()} (e.g. for a failed test) and logs its URL. On an embedded or
     * container server it lives as long as that server does.
     */
    public DisposableDatabase keep() {
        kept = true;
        server.retain(name);
        return this;
    }

    public boolean isKept() {
        return kept;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (kept) {
            LOG.info("Kept database {}: {}", name, jdbcUrl());
        } else {
            dropper.accept(name);
        }
    }

    @Override
    public String toString() {
        return "DisposableDatabase[" + name + "]";
    }
}

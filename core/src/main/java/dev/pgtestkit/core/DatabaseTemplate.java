package dev.pgtestkit.core;

import java.nio.file.Path;

/**
 * A migrated template database on a server, and a warm pool of clones of it. Built once per migration set
 * (name carries a hash of the migrations and server version), under an advisory lock, reused across runs.
 * SKELETON: signatures agreed; the implementation is being written.
 *
 * <pre>{@code
 * DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations("classpath:db/seeds/voicenote").build();
 * try (DisposableDatabase db = template.checkout()) { ... db.dataSource() ... }
 * }</pre>
 */
public final class DatabaseTemplate implements AutoCloseable {

    public static Builder builder(PostgresServer server) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Template of an empty database (no migrations). */
    public static DatabaseTemplate empty(PostgresServer server) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** A fresh clone: from the warm pool when one is ready, cloned on the spot otherwise. Caller closes it. */
    public DisposableDatabase checkout() {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Name of the template database. */
    public String name() {
        throw new UnsupportedOperationException("being implemented");
    }

    public PostgresServer server() {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Drops the pooled clones (never the template itself, which later runs reuse). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("being implemented");
    }

    public static final class Builder {
        /** Flyway locations, e.g. {@code classpath:db/migration} or {@code filesystem:src/main/resources/db}. */
        public Builder flywayLocations(String... locations) {
            throw new UnsupportedOperationException("being implemented");
        }

        /** Plain SQL scripts run in the given order, each in one transaction. */
        public Builder sqlScripts(Path... scripts) {
            throw new UnsupportedOperationException("being implemented");
        }

        /** Clones kept ready in the background (default 2; 0 disables the pool). */
        public Builder poolSize(int size) {
            throw new UnsupportedOperationException("being implemented");
        }

        /** Builds (or reuses) the template and starts filling the pool. */
        public DatabaseTemplate build() {
            throw new UnsupportedOperationException("being implemented");
        }
    }
}

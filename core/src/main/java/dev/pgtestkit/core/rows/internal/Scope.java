package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.schema.Table;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * What a {@code Rows} instance works with: where statements run, the registry, and the default schema
 * ({@code null}: any schema, {@code public} preferred). Immutable.
 */
public record Scope(Session session, Catalog catalog, String schema) {

    /** Work done with a handle and a resolved table. */
    @FunctionalInterface
    public interface TableWork<T> {
        T apply(Handle handle, Table table) throws SQLException;
    }

    public Scope withSchema(String newSchema) {
        return new Scope(session, catalog, newSchema);
    }

    /** The table {@code name} resolved in this scope's schema. */
    public Table table(Handle handle, String name) {
        String resolvedSchema = schema == null ? null : catalog.schema(handle, schema);
        return catalog.table(handle, resolvedSchema, name);
    }

    /** Runs {@code work} with a handle and the resolved table. */
    public <T> T withTable(String name, TableWork<T> work) {
        return session.call(handle -> work.apply(handle, table(handle, name)));
    }

    /**
     * Runs {@code work} in a transaction (a savepoint when already in one) with a scope pinned to it. A rollback
     * forgets the registry, which may have been read with DDL that is now undone.
     */
    public <T> T transaction(Function<Scope, T> work) {
        return session.transaction(tx -> {
            try {
                return work.apply(new Scope(tx, catalog, schema));
            } catch (RuntimeException | Error e) {
                catalog.invalidate();
                throw e;
            }
        });
    }
}

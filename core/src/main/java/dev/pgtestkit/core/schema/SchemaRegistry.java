package dev.pgtestkit.core.schema;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Immutable model of a database's schemas, read from {@code pg_catalog} in a fixed number of queries.
 * SKELETON: signatures agreed; the implementation is being written.
 */
public final class SchemaRegistry {

    /** Loads every user schema (not pg_catalog, information_schema, pg_toast, pg_temp). */
    public static SchemaRegistry load(DataSource dataSource) {
        throw new UnsupportedOperationException("being implemented");
    }

    public static SchemaRegistry load(Connection connection) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Loads only the given schemas. */
    public static SchemaRegistry load(Connection connection, Collection<String> schemas) {
        throw new UnsupportedOperationException("being implemented");
    }

    public List<String> schemas() {
        throw new UnsupportedOperationException("being implemented");
    }

    public List<Table> tables() {
        throw new UnsupportedOperationException("being implemented");
    }

    public List<Sequence> sequences() {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Table by forgiving name match in any schema ({@code public} preferred); ambiguity or miss: SchemaException. */
    public Table table(String name) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Table by forgiving name match within a schema ({@code null} schema = any). */
    public Table table(String schema, String name) {
        throw new UnsupportedOperationException("being implemented");
    }

    public Optional<Table> findTable(String schema, String name) {
        throw new UnsupportedOperationException("being implemented");
    }

    public Table table(QualifiedName name) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Foreign keys of other tables (or the same one) that reference the given table. */
    public List<ForeignKey> referencing(QualifiedName table) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Parents before children for all tables; cycles found and explained. */
    public InsertionOrder insertionOrder() {
        throw new UnsupportedOperationException("being implemented");
    }

    public InsertionOrder insertionOrder(Collection<QualifiedName> tables) {
        throw new UnsupportedOperationException("being implemented");
    }
}

package dev.pgtestkit.core.schema;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.internal.SqlStates;
import dev.pgtestkit.core.schema.internal.CatalogReader;
import dev.pgtestkit.core.schema.internal.CatalogRows.Snapshot;
import dev.pgtestkit.core.schema.internal.InsertionPlanner;
import dev.pgtestkit.core.schema.internal.ModelAssembler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Immutable model of a database's schemas, read from {@code pg_catalog} in a fixed number of queries (seven:
 * schemas, tables, columns, types, constraints, indexes, sequences — however many tables there are, plus one
 * that turns JIT off for them) under one snapshot. Thread-safe. Load again after DDL.
 *
 * <pre>{@code
 * SchemaRegistry registry = SchemaRegistry.load(dataSource);
 * Column userId = registry.table("User").matchColumn("userId");   // public.users.user_id
 * InsertionOrder order = registry.insertionOrder().requireInsertable();
 * }</pre>
 *
 * Name lookups forgive case, camelCase vs snake_case and singular/plural ({@link NameMatcher}); an exact name
 * always wins, an ambiguous one is an error, never a guess. Postgres 12 or later.
 */
public final class SchemaRegistry {

    private final List<String> schemas;
    private final List<Table> tables;
    private final Map<QualifiedName, Table> byName = new LinkedHashMap<>();
    private final List<Sequence> sequences;
    private final List<PgType> types;
    private final int catalogQueryCount;
    private final TableLookup lookup;

    /** Every user schema of the database, loaded or not (for messages about unknown schemas). */
    private final List<String> allSchemas;

    private SchemaRegistry(Snapshot snapshot) {
        this.allSchemas = List.copyOf(snapshot.allSchemas());
        this.schemas = List.copyOf(snapshot.schemas());
        this.tables = ModelAssembler.tables(snapshot);
        this.sequences = ModelAssembler.sequences(snapshot);
        this.types = ModelAssembler.declaredTypes(snapshot);
        this.catalogQueryCount = snapshot.queryCount();
        tables.forEach(t -> byName.put(t.name(), t));
        this.lookup = new TableLookup(schemas, tables);
    }

    /** Loads every user schema (not pg_catalog, information_schema, pg_toast, pg_temp). */
    public static SchemaRegistry load(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return load(connection);
        } catch (SQLException e) {
            throw new ConnectionException("Could not connect to read the schema: " + e.getMessage()
                    + ". Check that the database is running and the DataSource's URL and user are right.",
                    e.getSQLState(), e);
        }
    }

    /**
     * Loads every user schema through the given connection, which stays open. With auto-commit on, the
     * queries run in their own read-only snapshot; otherwise inside the caller's transaction.
     */
    public static SchemaRegistry load(Connection connection) {
        return read(connection, null);
    }

    /**
     * Loads only the given schemas.
     *
     * @throws SchemaException when one of them does not exist (with the available schemas and suggestions)
     */
    public static SchemaRegistry load(Connection connection, Collection<String> schemas) {
        Objects.requireNonNull(schemas, "schemas");
        SchemaRegistry registry = read(connection, List.copyOf(schemas));
        for (String wanted : schemas) {
            if (!registry.schemas.contains(wanted)) {
                throw MatchErrors.schemaNotFound(NameMatcher.match(wanted, registry.allSchemas),
                        registry.allSchemas);
            }
        }
        return registry;
    }

    private static SchemaRegistry read(Connection connection, Collection<String> schemas) {
        Objects.requireNonNull(connection, "connection");
        try {
            return new SchemaRegistry(CatalogReader.read(connection, schemas));
        } catch (SQLException e) {
            if (SqlStates.isConnectionFailure(e.getSQLState())) { // the session, not the catalog
                throw new ConnectionException("Reading the catalog (pg_catalog) failed: the session ended or the "
                        + "server could not be reached (" + e.getMessage() + "). If its database was a pgtestkit "
                        + "clone, DisposableDatabase.close() dropped or gave it back; use it before closing it.",
                        e.getSQLState(), e);
            }
            throw new QueryException("Reading the catalog (pg_catalog) failed: " + e.getMessage()
                    + ". The schema registry needs Postgres 12 or later and read access to pg_catalog.",
                    e.getSQLState(), e);
        }
    }

    /** The loaded schemas, sorted. */
    public List<String> schemas() {
        return schemas;
    }

    /** Every table (ordinary, partitioned, partitions), sorted by schema then name. */
    public List<Table> tables() {
        return tables;
    }

    /** The tables of one schema (exact name), sorted; empty when the schema has none or was not loaded. */
    public List<Table> tables(String schema) {
        return tables.stream().filter(t -> t.schema().equals(schema)).toList();
    }

    /** Every sequence of the loaded schemas, owned or not, sorted by name. */
    public List<Sequence> sequences() {
        return sequences;
    }

    /**
     * The enums, domains and composite types declared in the loaded schemas, whether a column uses them or not
     * (tables' row types are not listed), sorted by schema then name. Enums carry their labels, domains their base
     * type and checks.
     */
    public List<PgType> types() {
        return types;
    }

    /**
     * How many statements the load sent: 8 with auto-commit (7 catalog queries and one JIT setting), 9 inside a
     * caller's transaction (the setting is restored); the same for 5 tables as for 5,000.
     */
    public int catalogQueryCount() {
        return catalogQueryCount;
    }

    /**
     * Table by forgiving name match in any schema, {@code public} preferred; {@code "audit.events"} names the
     * schema too.
     *
     * @throws SchemaException on a miss (with the available tables and suggestions) or when several match
     */
    public Table table(String name) {
        return lookup.table(null, name);
    }

    /**
     * Table by forgiving name match within a schema ({@code null} schema = any, {@code public} preferred).
     *
     * @throws SchemaException on a miss or an ambiguous name
     */
    public Table table(String schema, String name) {
        return lookup.table(schema, name);
    }

    /**
     * Like {@link #table(String, String)}, but a miss is an empty result.
     *
     * @throws SchemaException when the name is ambiguous
     */
    public Optional<Table> findTable(String schema, String name) {
        return lookup.find(schema, name);
    }

    /**
     * Table by its exact qualified name.
     *
     * @throws SchemaException when there is none (with suggestions)
     */
    public Table table(QualifiedName name) {
        Objects.requireNonNull(name, "name");
        Table table = byName.get(name);
        if (table == null) {
            throw lookup.notFound(name.schema(), name.name());
        }
        return table;
    }

    /** Forgiving column lookup, as {@link Table#matchColumn(String)}: {@code column("users", "userId")}. */
    public Column column(String table, String column) {
        return table(table).matchColumn(column);
    }

    /** Foreign keys of any loaded table (the given one included) that reference the given table. */
    public List<ForeignKey> referencing(QualifiedName table) {
        return tables.stream().flatMap(t -> t.foreignKeys().stream())
                .filter(fk -> fk.referencedTable().equals(table)).toList();
    }

    /** Parents before children for all tables; cycles found and explained (never throws). */
    public InsertionOrder insertionOrder() {
        return InsertionPlanner.plan(tables);
    }

    /**
     * Parents before children for the given tables; foreign keys to tables outside the set are ignored.
     *
     * @throws SchemaException when a name is not a loaded table
     */
    public InsertionOrder insertionOrder(Collection<QualifiedName> tables) {
        List<Table> selected = new ArrayList<>();
        for (QualifiedName name : tables) {
            selected.add(table(name));
        }
        return InsertionPlanner.plan(selected);
    }

    @Override
    public String toString() {
        return "SchemaRegistry[schemas=" + schemas + ", tables=" + tables.size() + "]";
    }
}

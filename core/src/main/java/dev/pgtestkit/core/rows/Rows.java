package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.rows.internal.Catalog;
import dev.pgtestkit.core.rows.internal.Names;
import dev.pgtestkit.core.rows.internal.RawSql;
import dev.pgtestkit.core.rows.internal.RowCloner;
import dev.pgtestkit.core.rows.internal.Scope;
import dev.pgtestkit.core.rows.internal.Session;
import dev.pgtestkit.core.rows.internal.TableOps;
import dev.pgtestkit.core.rows.internal.UniqueKeys;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Rows of any table without writing SQL (the seed's {@code DBOperator}), on Jdbi and the schema registry.
 *
 * <pre>{@code
 * Rows rows = Rows.of(dataSource);
 * Map<String, Object> user = rows.insert("users", Map.of("email", "ada@example.com", "fullName", "Ada"));
 * Optional<Map<String, Object>> same = rows.getBy("User", "email", "ada@example.com");
 * rows.inSchema("audit").count("events");
 * }</pre>
 *
 * <p>Table and column names are matched forgivingly ({@code User} → {@code users}, {@code userId} →
 * {@code user_id}); a miss throws {@link SchemaException} or {@code ColumnMatchException} listing what exists,
 * with suggestions. Values are converted to the column's type (uuid, enums, json/jsonb from maps and lists,
 * arrays, timestamps, numeric, bytea...) and always bound; identifiers are always quoted. Rows come back as
 * {@link java.util.LinkedHashMap}s in column order whose values can be written back unchanged. Database
 * failures are translated by {@link SqlErrors}.
 *
 * <p>Tables are looked up in the {@linkplain #inSchema(String) schema} of this instance; without one, in any
 * schema with {@code public} preferred. A qualified name ({@code audit.events}, {@code "Audit"."Events"},
 * {@code public."my.table"}) names its own schema, whatever {@code inSchema} says, as in SQL; quoted parts are
 * matched like unquoted ones, exact spelling first. The registry is read on first
 * use and again when a name is not found; {@link #refresh()} after DDL done elsewhere.
 *
 * <p>Immutable and thread-safe, except an instance passed to an {@link #inTransaction} callback, which is
 * bound to that transaction's connection. Each call outside a transaction takes its own connection from the
 * DataSource, so give it a pooled one when speed matters.
 */
public final class Rows {

    private final Scope scope;

    private Rows(Scope scope) {
        this.scope = scope;
    }

    /** Rows over {@code dataSource} (not null). */
    public static Rows of(DataSource dataSource) {
        return of(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")));
    }

    /** Rows over {@code jdbi} (not null); its configuration is not changed. */
    public static Rows of(Jdbi jdbi) {
        return new Rows(new Scope(new Session(Objects.requireNonNull(jdbi, "jdbi")), new Catalog(), null));
    }

    /** The same rows, looking tables up in {@code schema} only ({@code null}: any schema). Shares the registry. */
    public Rows inSchema(String schema) {
        return new Rows(scope.withSchema(schema));
    }

    /** The schema given to {@link #inSchema}, or {@code null}. */
    public String schema() {
        return scope.schema();
    }

    /** The schema registry in use, loaded now if it was not yet. */
    public SchemaRegistry registry() {
        return scope.session().call(handle -> scope.catalog().registry(handle));
    }

    /** Reads the catalog again now (after DDL run through another connection). Returns this. */
    public Rows refresh() {
        scope.catalog().invalidate();
        registry();
        return this;
    }

    // ---------------------------------------------------------------- reading

    /** A query over {@code table} to refine with conditions, order, limit and offset. */
    public Fetch from(String table) {
        return new Fetch(scope, table);
    }

    /** Rows of {@code table} matching all {@code conditions} (empty: every row). */
    public List<Map<String, Object>> fetch(String table, Map<String, ?> conditions) {
        return from(table).where(conditions).list();
    }

    /** The one row matching {@code conditions}, if any; more than one throws {@code QueryException}. */
    public Optional<Map<String, Object>> fetchOne(String table, Map<String, ?> conditions) {
        return from(table).where(conditions).one();
    }

    /** The one row whose {@code column} equals {@code value} (a UUID, a name, an id...), if any. */
    public Optional<Map<String, Object>> getBy(String table, String column, Object value) {
        return from(table).where(column, value).one();
    }

    public long count(String table) {
        return from(table).count();
    }

    public long count(String table, Map<String, ?> conditions) {
        return from(table).where(conditions).count();
    }

    public boolean exists(String table, Map<String, ?> conditions) {
        return from(table).where(conditions).exists();
    }

    // ---------------------------------------------------------------- writing

    /** Inserts {@code row} (may be empty: all defaults) and returns it as stored, with generated keys and defaults. */
    public Map<String, Object> insert(String table, Map<String, ?> row) {
        return scope.withTable(table, (handle, t) -> TableOps.insert(handle, t, scope.catalog().columns(t, row)));
    }

    /** Inserts {@code rows} in multi-row statements; a column a row leaves out gets its default. Returns them as stored. */
    public List<Map<String, Object>> insertAll(String table, List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return scope.withTable(table, (handle, t) -> TableOps.insertAll(handle, t,
                rows.stream().map(row -> scope.catalog().columns(t, row)).toList()));
    }

    /** Sets {@code values} on the rows matching {@code conditions} (not empty; see {@link #updateAll}). Returns the count. */
    public int update(String table, Map<String, ?> values, Map<String, ?> conditions) {
        requireConditions(conditions, "update", "updateAll(table, values)");
        return scope.withTable(table, (handle, t) ->
                TableOps.update(handle, t, scope.catalog().columns(t, values), scope.catalog().columns(t, conditions)));
    }

    /** Sets {@code values} on every row of {@code table}. Returns the count. */
    public int updateAll(String table, Map<String, ?> values) {
        return scope.withTable(table, (handle, t) -> TableOps.update(handle, t, scope.catalog().columns(t, values), Map.of()));
    }

    /** Inserts {@code row}, or updates the row with the same primary key; returns the row as stored. */
    public Map<String, Object> upsert(String table, Map<String, ?> row) {
        return scope.withTable(table, (handle, t) -> upsert(handle, t, row, UniqueKeys.primaryKey(t)));
    }

    /**
     * Inserts {@code row}, or updates the row it conflicts with on the unique key named by {@code key}: the
     * name of a unique constraint or unique index, or the column(s) of one. Returns the row as stored.
     */
    public Map<String, Object> upsert(String table, Map<String, ?> row, String... key) {
        if (key.length == 0) {
            return upsert(table, row);
        }
        return scope.withTable(table, (handle, t) -> upsert(handle, t, row, UniqueKeys.find(t, Arrays.asList(key))));
    }

    private Map<String, Object> upsert(Handle handle, Table t, Map<String, ?> row,
                                              UniqueKeys.Target key) {
        Map<Column, ?> values = scope.catalog().columns(t, row);
        return TableOps.upsert(handle, t, values, key.columns(), key.predicate());
    }

    /** Deletes the rows matching {@code conditions} (not empty; see {@link #deleteAll}). Returns the count. */
    public int delete(String table, Map<String, ?> conditions) {
        requireConditions(conditions, "delete", "deleteAll(table)");
        return scope.withTable(table, (handle, t) -> TableOps.delete(handle, t, scope.catalog().columns(t, conditions)));
    }

    /** Deletes every row of {@code table}. Returns the count. */
    public int deleteAll(String table) {
        return scope.withTable(table, (handle, t) -> TableOps.delete(handle, t, Map.of()));
    }

    private static void requireConditions(Map<String, ?> conditions, String operation, String instead) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException(operation + " without conditions would change every row of the"
                    + " table; pass conditions, or call " + instead + " to mean it");
        }
    }

    // ---------------------------------------------------------------- catalog

    /** Whether {@code table} (matched forgivingly) exists in this instance's schema, or any schema. */
    public boolean tableExists(String table) {
        return scope.session().call(handle -> {
            try {
                scope.table(handle, table);
                return true;
            } catch (SchemaException e) {
                return false;
            }
        });
    }

    /** Whether {@code schema} exists (exact name, quoted or not, or matched forgivingly among user schemas). */
    public boolean schemaExists(String schema) {
        return scope.session().call(handle -> RawSql.schemaExists(handle, Names.unquote(schema))
                || knownSchema(handle, schema));
    }

    private boolean knownSchema(Handle handle, String schema) {
        try {
            scope.catalog().schema(handle, schema);
            return true;
        } catch (SchemaException e) {
            return false;
        }
    }

    /**
     * Creates {@code schema} unless it exists; returns whether it was created. The name is taken as stored
     * ({@code Audit} creates {@code "Audit"}); surrounding double quotes are removed, like SQL does.
     */
    public boolean createSchema(String schema) {
        boolean created = scope.session().call(handle -> RawSql.createSchema(handle, Names.unquote(schema)));
        scope.catalog().invalidate();
        return created;
    }

    // ---------------------------------------------------------------- raw SQL

    /**
     * Runs {@code sql} with {@code ?} parameters and returns its rows. Parameters are bound as JDBC objects
     * (an Instant as timestamptz, a Map as JSON text, a List as an array, an enum by name); cast in SQL
     * where the type is not obvious ({@code ?::jsonb}).
     */
    public List<Map<String, Object>> query(String sql, Object... params) {
        return scope.session().call(handle -> RawSql.query(handle, sql, params));
    }

    /** Runs a statement that returns no rows; returns the update count. DDL makes the registry reload on next use. */
    public int execute(String sql, Object... params) {
        int count = scope.session().call(handle -> RawSql.execute(handle, sql, params));
        if (RawSql.isDdl(sql)) {
            scope.catalog().invalidate();
        }
        return count;
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. Called
     * again inside, it runs in a savepoint: a failure there undoes only the inner work.
     */
    public <T> T inTransaction(Function<Rows, T> work) {
        return scope.transaction(tx -> work.apply(new Rows(tx)));
    }

    /** {@link #inTransaction} for work without a result. */
    public void useTransaction(Consumer<Rows> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    // ---------------------------------------------------------------- test support

    /**
     * Copies one row with a new key and returns the copy. {@code key} is the primary key value, or a map of
     * conditions that identify one row. The new key comes from the column's default, identity or sequence, a
     * random UUID for a uuid key without default, or {@code overrides} (columns matched forgivingly), which
     * also replace any other value. Generated columns and unique columns with a default are recomputed.
     */
    public Map<String, Object> cloneRow(String table, Object key, Map<String, ?> overrides) {
        return scope.transaction(tx -> RowCloner.shallow(tx, table, key, overrides));
    }

    /**
     * {@link #cloneRow} plus, recursively, the rows that reference it through foreign keys (the seed's
     * {@code clone_project}): each child copy points at its new parent. One transaction.
     */
    public CloneResult cloneTree(String table, Object key, Map<String, ?> overrides) {
        return cloneTree(table, key, overrides, List.of());
    }

    /**
     * {@link #cloneTree(String, Object, Map)} without the tables named in {@code skipTables}: their rows are not
     * copied, and the rows referencing them are not followed from there (a usage or audit history that stays
     * with the original). Names are matched like every table name here ({@code llmUsage}, {@code audit.events}).
     *
     * @throws SchemaException when a name matches no table (with suggestions), names {@code table} itself, or
     *                         names a table no foreign key path leads from to {@code table} (the tables the
     *                         clone does copy are listed)
     */
    public CloneResult cloneTree(String table, Object key, Map<String, ?> overrides, Collection<String> skipTables) {
        List<String> skip = List.copyOf(Objects.requireNonNull(skipTables, "skipTables"));
        return scope.transaction(tx -> RowCloner.deep(tx, table, key, overrides, skip));
    }

    Scope scope() {
        return scope;
    }

    @Override
    public String toString() {
        return "Rows[schema=" + (scope.schema() == null ? "any" : scope.schema())
                + (scope.session().inTransaction() ? ", in transaction" : "") + "]";
    }
}

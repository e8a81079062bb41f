package dev.pgtestkit.core.rows;

import dev.pgtestkit.core.rows.internal.Cleaner;
import dev.pgtestkit.core.rows.internal.FixtureLoader;
import dev.pgtestkit.core.rows.internal.FixtureReader;
import dev.pgtestkit.core.rows.internal.FixtureReader.FixtureTable;
import dev.pgtestkit.core.rows.internal.Protection;
import dev.pgtestkit.core.rows.internal.Scope;
import dev.pgtestkit.core.rows.internal.TableOps;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Test data from JSON or YAML files, and cleanup that keeps it (the seed's {@code load_seed_data} and
 * {@code cleanup_non_protected}).
 *
 * <pre>{@code
 * Fixtures fixtures = Fixtures.of(rows);
 * fixtures.loadProtected(Path.of("src/test/resources/fixtures/shop.yaml"));   // kept by cleanup()
 * ... test inserts more rows ...
 * fixtures.cleanup();                                                        // deletes everything else
 * }</pre>
 *
 * <p>A file maps table names to lists of rows: {@code {"users": [{"email": "a@b.c"}], "orders": [...]}}.
 * Tables are loaded parents first whatever order the file uses, all in one transaction. Names are matched
 * like {@link Rows} does. A row refers to another by id ({@code "user_id": 7}) or by natural key: an object of
 * the referenced row's column values under the foreign key column or its name without {@code _id}
 * ({@code "user": {"email": "a@b.c"}}), found among the rows loaded so far and the database. Failures throw
 * {@link FixtureException} naming the file, table, row index and line, and leave nothing behind.
 *
 * <p>Protection is remembered by this instance (key values per table, in memory); use one instance per
 * database. Thread-safe.
 */
public final class Fixtures {

    private final Rows rows;
    private final Protection protection = new Protection();

    private Fixtures(Rows rows) {
        this.rows = rows;
    }

    /** Fixtures over {@code rows} (not null), in its schema. */
    public static Fixtures of(Rows rows) {
        return new Fixtures(Objects.requireNonNull(rows, "rows"));
    }

    /** Loads a .json, .yaml or .yml file; its rows are not protected. Returns the rows as stored. */
    public TableRows load(Path file) {
        return load(file, false);
    }

    /** Loads a file and protects its rows from {@link #cleanup()}. */
    public TableRows loadProtected(Path file) {
        return load(file, true);
    }

    /** Loads a classpath resource ({@code fixtures/shop.json}); its rows are not protected. */
    public TableRows loadResource(String resource) {
        return loadResource(resource, false);
    }

    /** Loads a classpath resource and protects its rows from {@link #cleanup()}. */
    public TableRows loadResourceProtected(String resource) {
        return loadResource(resource, true);
    }

    private TableRows load(Path file, boolean protect) {
        String source = file.toString();
        FixtureReader.isYaml(source);
        try (InputStream in = Files.newInputStream(file)) {
            return insert(source, FixtureReader.read(source, in), protect);
        } catch (NoSuchFileException e) {
            throw new FixtureException("Fixture '" + source + "' does not exist (absolute path: "
                    + file.toAbsolutePath() + ").", source, null, -1, -1, e);
        } catch (IOException e) {
            throw new FixtureException("Fixture '" + source + "' cannot be read: " + e.getMessage(), source, null,
                    -1, -1, e);
        }
    }

    private TableRows loadResource(String resource, boolean protect) {
        FixtureReader.isYaml(resource);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : Fixtures.class.getClassLoader()).getResourceAsStream(
                resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                throw new FixtureException("Fixture '" + resource + "' is not on the classpath.", resource, null,
                        -1, -1, null);
            }
            return insert(resource, FixtureReader.read(resource, in), protect);
        } catch (IOException e) {
            throw new FixtureException("Fixture '" + resource + "' cannot be read: " + e.getMessage(), resource,
                    null, -1, -1, e);
        }
    }

    private TableRows insert(String source, List<FixtureTable> tables, boolean protect) {
        Scope scope = rows.scope();
        return scope.transaction(tx -> tx.session().call(handle -> {
            TableRows loaded = FixtureLoader.load(handle, tx, source, tables);
            if (protect) {
                SchemaRegistry registry = tx.catalog().registry(handle);
                loaded.byTable().forEach((name, inserted) -> inserted.forEach(
                        row -> protection.protect(registry, registry.table(name), row)));
            }
            return loaded;
        }));
    }

    /** Protects one row (as returned by {@link Rows}, at least its key columns) of {@code table}. */
    public void protect(String table, Map<String, ?> row) {
        Scope scope = rows.scope();
        scope.withTable(table, (handle, t) -> {
            protection.protect(scope.catalog().registry(handle), t, Map.copyOf(row));
            return null;
        });
    }

    /**
     * Protects every row now in the tables of this instance's schema (all schemas without one), e.g. rows the
     * migrations inserted. Tables without a key are protected whole. Returns the number of rows protected.
     */
    public int protectExisting() {
        Scope scope = rows.scope();
        return scope.session().call(handle -> {
            SchemaRegistry registry = scope.catalog().registry(handle);
            String schema = scope.schema() == null ? null : scope.catalog().schema(handle, scope.schema());
            int protectedRows = 0;
            for (Table table : registry.tables()) {
                if ((schema == null || table.schema().equals(schema)) && table.kind() != TableKind.PARTITION) {
                    protectedRows += protectRowsOf(handle, registry, table);
                }
            }
            return protectedRows;
        });
    }

    private int protectRowsOf(Handle handle, SchemaRegistry registry, Table table) {
        List<Map<String, Object>> existing = TableOps.select(handle, table, Map.of(), List.of(), null, null);
        if (!Protection.hasKey(table)) {
            protection.protectWholeTable(registry, table);
        } else {
            existing.forEach(row -> protection.protect(registry, table, row));
        }
        return existing.size();
    }

    /** Number of rows protected so far (whole tables not counted). */
    public int protectedRows() {
        return protection.size();
    }

    /**
     * Deletes every row that is not protected from the tables of this instance's schema (all schemas without
     * one), children before parents, in one transaction. Returns the rows deleted per table.
     */
    public Map<QualifiedName, Integer> cleanup() {
        return rows.scope().transaction(tx -> tx.session().call(handle -> {
            String schema = tx.schema() == null ? null : tx.catalog().schema(handle, tx.schema());
            return Cleaner.cleanup(handle, tx.catalog().registry(handle), schema, protection);
        }));
    }
}

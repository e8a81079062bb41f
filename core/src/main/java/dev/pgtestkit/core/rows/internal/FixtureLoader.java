package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.rows.FixtureException;
import dev.pgtestkit.core.rows.RowFormatter;
import dev.pgtestkit.core.rows.TableRows;
import dev.pgtestkit.core.rows.internal.FixtureReader.FixtureTable;
import dev.pgtestkit.core.rows.internal.FixtureRows.Prepared;
import dev.pgtestkit.core.rows.internal.FixtureRows.Reference;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Loads fixture tables in foreign-key order, whatever order the file uses. References by natural key are
 * looked up among the rows inserted so far and the rest of the database. A row referencing a row of its own
 * table that comes later in the list waits for it; a reference that cannot be resolved yet through a nullable
 * foreign key (a cycle) is inserted as NULL and filled in once every table is loaded. Runs in the caller's
 * transaction; any failure names the file, table, row index and line.
 */
public final class FixtureLoader {

    /** A row inserted with NULL for a reference, to fill in at the end. */
    private record Patch(Table table, FixtureTable fixture, Prepared row, Reference reference) {
    }

    private final Handle handle;
    private final Scope scope;
    private final String source;
    private final SchemaRegistry registry;
    private final Set<QualifiedName> loaded = new HashSet<>();
    private final Set<QualifiedName> inFile = new HashSet<>();
    private final List<Patch> patches = new ArrayList<>();
    private final Map<QualifiedName, List<Map<String, Object>>> stored = new LinkedHashMap<>();

    private FixtureLoader(Handle handle, Scope scope, String source) {
        this.handle = handle;
        this.scope = scope;
        this.source = source;
        this.registry = scope.catalog().registry(handle);
    }

    /** Inserts every row of {@code tables}; returns them as stored, by table in insertion order. */
    public static TableRows load(Handle handle, Scope scope, String source, List<FixtureTable> tables) {
        return new FixtureLoader(handle, scope, source).load(tables);
    }

    private TableRows load(List<FixtureTable> tables) {
        Map<QualifiedName, FixtureTable> byName = new LinkedHashMap<>();
        Map<QualifiedName, Table> resolved = new LinkedHashMap<>();
        for (FixtureTable fixture : tables) {
            Table table = located(fixture, -1, fixture.line(), () -> scope.table(handle, fixture.name()));
            byName.put(table.name(), fixture);
            resolved.put(table.name(), table);
        }
        inFile.addAll(byName.keySet());
        for (QualifiedName name : registry.insertionOrder(byName.keySet()).tables()) {
            loadTable(resolved.get(name), byName.get(name));
            loaded.add(name);
        }
        patches.forEach(this::applyPatch);
        return new TableRows(stored);
    }

    private void loadTable(Table table, FixtureTable fixture) {
        List<Map<String, Object>> rows = new ArrayList<>(Collections.nCopies(fixture.rows().size(), null));
        stored.put(table.name(), rows);
        List<Prepared> pending = fixture.rows().stream()
                .map(row -> located(fixture, row.index(), row.line(), () -> FixtureRows.prepare(table, row)))
                .toList();
        boolean lastPass = false;
        while (!pending.isEmpty()) {
            List<Prepared> waiting = new ArrayList<>();
            for (Prepared row : pending) {
                boolean finalPass = lastPass;
                located(fixture, row.row().index(), row.row().line(), () -> insertOrWait(table, fixture, row, rows,
                        finalPass)).ifPresent(waiting::add);
            }
            lastPass = waiting.size() == pending.size();
            pending = waiting;
        }
    }

    /** Inserts the row, or returns it when it references a row of its own table not inserted yet. */
    private Optional<Prepared> insertOrWait(Table table, FixtureTable fixture, Prepared row,
                                            List<Map<String, Object>> rows, boolean lastPass) {
        Map<Column, Object> values = new LinkedHashMap<>(row.values());
        List<Reference> later = new ArrayList<>();
        for (Reference reference : row.references()) {
            Optional<Map<String, Object>> target = lookUp(reference);
            if (target.isPresent()) {
                values.putAll(pointingAt(table, reference, target.get()));
            } else if (reference.fk().isSelfReference() && !lastPass) {
                return Optional.of(row);
            } else {
                later.add(deferrable(table, reference));
                reference.fk().columns().forEach(c -> values.put(table.column(c).orElseThrow(), null));
            }
        }
        rows.set(row.row().index(), TableOps.insert(handle, table, values));
        later.forEach(reference -> patches.add(new Patch(table, fixture, row, reference)));
        return Optional.empty();
    }

    /** The reference, when it may be left NULL for now; otherwise the "matches no row" failure. */
    private Reference deferrable(Table table, Reference reference) {
        QualifiedName target = reference.fk().referencedTable();
        boolean comesLater = inFile.contains(target) && (!loaded.contains(target) || reference.fk().isSelfReference());
        boolean nullable = reference.fk().columns().stream().noneMatch(c -> table.column(c).orElseThrow().notNull());
        if (comesLater && nullable) {
            return reference;
        }
        throw new IllegalArgumentException(noMatch(reference) + (comesLater ? " yet, and its foreign key columns ("
                + String.join(", ", reference.fk().columns()) + ") are NOT NULL, so it cannot be filled in later" : ""));
    }

    private Optional<Map<String, Object>> lookUp(Reference reference) {
        Table target = registry.table(reference.fk().referencedTable());
        List<Map<String, Object>> found = TableOps.select(handle, target,
                scope.catalog().columns(target, reference.naturalKey()), List.of(), 2L, null);
        if (found.size() > 1) {
            throw new IllegalArgumentException("Reference '" + reference.key() + "' "
                    + RowFormatter.defaults().format(reference.naturalKey()) + " matches more than one row of table '"
                    + Names.table(target) + "'; add columns that identify one row.");
        }
        return found.stream().findFirst();
    }

    private String noMatch(Reference reference) {
        return "Reference '" + reference.key() + "' " + RowFormatter.defaults().format(reference.naturalKey())
                + " matches no row of table '" + Names.table(reference.fk().referencedTable())
                + "' (looked among the fixture rows loaded so far and the database)";
    }

    private static Map<Column, Object> pointingAt(Table table, Reference reference, Map<String, Object> target) {
        Map<Column, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < reference.fk().columns().size(); i++) {
            values.put(table.column(reference.fk().columns().get(i)).orElseThrow(),
                    target.get(reference.fk().referencedColumns().get(i)));
        }
        return values;
    }

    private void applyPatch(Patch patch) {
        Table table = patch.table();
        int index = patch.row().row().index();
        located(patch.fixture(), index, patch.row().row().line(), () -> {
            Map<String, Object> target = lookUp(patch.reference())
                    .orElseThrow(() -> new IllegalArgumentException(noMatch(patch.reference())));
            List<Map<String, Object>> rows = stored.get(table.name());
            Map<Column, Object> key = Protection.keyConditions(table, rows.get(index));
            TableOps.update(handle, table, pointingAt(table, patch.reference(), target), key);
            rows.set(index, TableOps.select(handle, table, key, List.of(), null, null).get(0));
            return null;
        });
    }

    /** Runs {@code step}, turning any failure into a {@link FixtureException} that says where. */
    private <T> T located(FixtureTable fixture, int row, int line, Supplier<T> step) {
        try {
            return step.get();
        } catch (FixtureException e) {
            throw e;
        } catch (PgTestkitException | IllegalArgumentException e) {
            throw FixtureErrors.wrap(source, fixture.name(), row, line, e);
        }
    }
}

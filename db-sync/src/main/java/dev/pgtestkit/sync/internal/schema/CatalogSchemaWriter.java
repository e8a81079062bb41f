package dev.pgtestkit.sync.internal.schema;

import dev.pgtestkit.core.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The built-in schema writer: reads the catalog in a fixed number of queries (never one per table) and writes
 * every object as the server prints it ({@code pg_get_*def}), in dependency order, then by kind and name.
 *
 * <p>Written: schemas, extensions, enums, composite and range types, domains, functions and procedures,
 * sequences (definition, ownership, value), the tables {@code includeTable} accepts (and the tables they are
 * partitions or children of), views and materialized views, constraints, indexes, triggers and comments. What
 * needs a table the dump leaves out (a view over it, a foreign key to it, its sequence's ownership) is left out.
 * Owners are not written (the restoring role owns everything).
 */
public final class CatalogSchemaWriter implements SchemaWriter {

    private final boolean grants;

    /** A writer that leaves privileges out. */
    public CatalogSchemaWriter() {
        this(false);
    }

    /**
     * @param grants whether to write GRANT/REVOKE statements for schemas, types, routines, tables, views and
     *     sequences whose privileges differ from the defaults (the roles must exist where the scripts run)
     */
    public CatalogSchemaWriter(boolean grants) {
        this.grants = grants;
    }

    @Override
    public SchemaScripts write(Connection snapshot, Predicate<QualifiedName> includeTable) throws SQLException {
        List<SchemaItem> items;
        try (PinnedSettings pinned = PinnedSettings.pin(snapshot)) {
            Catalog catalog = new Catalog(grants);
            SchemaReader.read(snapshot, catalog);
            TypeReader.read(snapshot, catalog);
            RoutineReader.read(snapshot, catalog);
            RelationReader.read(snapshot, catalog);
            IndexReader.read(snapshot, catalog);
            for (Catalog.Relation relation : catalog.relations.values()) {
                if (relation.item().kind == ItemKind.TABLE) {
                    relation.item().written = includeTable.test(QualifiedName.of(relation.schema(), relation.name()));
                }
            }
            DependencyGraph graph = DependencyGraph.read(snapshot, catalog);
            graph.decide();
            graph.checkSupported(snapshot);
            items = graph.order();
        }
        return new SchemaScripts(script("pre-data", items, false), script("post-data", items, true));
    }

    private static String script(String section, List<SchemaItem> items, boolean postData) {
        StringBuilder script = new StringBuilder();
        script.append("-- pgtestkit schema script: ").append(section).append("\n");
        script.append("SET client_encoding = 'UTF8';\n");
        script.append("SET standard_conforming_strings = on;\n");
        script.append("SET check_function_bodies = false;\n");
        script.append("SET client_min_messages = warning;\n");
        script.append("SELECT pg_catalog.set_config('search_path', '', false);\n");
        for (SchemaItem item : items) {
            if (item.postData == postData) {
                script.append("\n-- pgtestkit: ").append(item.kind.label).append(' ').append(item.displayName())
                        .append("\n").append(item.sql);
            }
        }
        return script.toString();
    }
}

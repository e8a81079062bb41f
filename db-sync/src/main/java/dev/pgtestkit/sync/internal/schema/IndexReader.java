package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.CatalogFilters.USER_SCHEMA;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.quoted;

import dev.pgtestkit.sync.internal.schema.Catalog.Relation;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Indexes (those that do not back a constraint: a constraint item builds its own), the attachment of a
 * partition's index to its parent's, and triggers (not the internal ones of foreign keys, nor the clones a
 * partition gets from its parent).
 */
final class IndexReader {

    private IndexReader() {
    }

    private static final String INDEXES = """
            SELECT i.indexrelid, i.indrelid, ic.relname, """ + quoted("n", "ic.relname") + """
            , pg_get_indexdef(i.indexrelid),
                   EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                           AND k.contype IN ('p', 'u', 'x')),
                   (SELECT p.inhparent FROM pg_inherits p WHERE p.inhrelid = i.indexrelid),
                   (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) FROM pg_inherits p
                    JOIN pg_class pc ON pc.oid = p.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                    WHERE p.inhrelid = i.indexrelid),
                   obj_description(i.indexrelid, 'pg_class')
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = ic.relnamespace
            WHERE""" + USER_SCHEMA;

    private static final String TRIGGERS = """
            SELECT t.oid, t.tgrelid, t.tgname, quote_ident(t.tgname), pg_get_triggerdef(t.oid, false), t.tgenabled,
                   obj_description(t.oid, 'pg_trigger')
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND""" + USER_SCHEMA;

    static void read(Connection connection, Catalog catalog) throws SQLException {
        Catalog.query(connection, INDEXES, rs -> {
            Relation table = catalog.relations.get(rs.getLong(2));
            if (table == null) {
                return;
            }
            String key = Catalog.key("pg_class", rs.getLong(1));
            String quoted = rs.getString(4);
            if (!rs.getBoolean(6)) {
                SchemaItem item = catalog.add(new SchemaItem(key, ItemKind.INDEX, table.schema(), rs.getString(3), ""));
                item.requires.add(table.item().key);
                item.statement(rs.getString(5));
                Sql.comment(item, "INDEX " + quoted, rs.getString(9));
            }
            if (rs.getObject(7) != null) {
                SchemaItem attach = catalog.add(new SchemaItem(key + "/attach", ItemKind.INDEX_ATTACH, table.schema(),
                        rs.getString(3), ""));
                attach.requires.add(key);
                attach.requires.add(Catalog.key("pg_class", rs.getLong(7)));
                attach.statement("ALTER INDEX " + rs.getString(8) + " ATTACH PARTITION " + quoted);
            }
        });
        Catalog.query(connection, TRIGGERS, rs -> {
            Relation table = catalog.relations.get(rs.getLong(2));
            if (table == null) {
                return;
            }
            SchemaItem item = catalog.add(new SchemaItem(Catalog.key("pg_trigger", rs.getLong(1)), ItemKind.TRIGGER,
                    table.schema(), table.name(), rs.getString(3)));
            item.requires.add(table.item().key);
            item.statement(rs.getString(5));
            String enabled = switch (rs.getString(6)) {
                case "D" -> "DISABLE";
                case "R" -> "ENABLE REPLICA";
                case "A" -> "ENABLE ALWAYS";
                default -> null;
            };
            if (enabled != null) {
                item.statement("ALTER TABLE " + table.quoted() + " " + enabled + " TRIGGER " + rs.getString(4));
            }
            Sql.comment(item, "TRIGGER " + rs.getString(4) + " ON " + table.quoted(), rs.getString(7));
        });
    }
}

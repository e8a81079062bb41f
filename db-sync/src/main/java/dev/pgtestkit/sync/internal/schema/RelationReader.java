package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.CatalogFilters.USER_SCHEMA;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.notInExtension;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.quoted;

import dev.pgtestkit.sync.internal.schema.Catalog.Relation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables, views, materialized views and sequences, with the columns and constraints of the tables. A table's
 * item creates it with its columns and its validated CHECK constraints (COPY checks them row by row, cheaper than
 * a scan per constraint after the load); keys, foreign keys and NOT VALID checks are post-data items.
 */
final class RelationReader {

    private RelationReader() {
    }

    private static String relations(boolean grants) {
        return """
            SELECT c.oid, n.nspname, c.relname, """ + quoted("n", "c.relname") + """
            , c.relkind, c.relpersistence, c.relispartition,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                   c.reloptions, c.reloftype <> 0, c.relrowsecurity OR c.relforcerowsecurity,
                   ARRAY(SELECT i.inhparent::bigint FROM pg_inherits i WHERE i.inhrelid = c.oid ORDER BY i.inhseqno),
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
                   c.relispopulated, obj_description(c.oid, 'pg_class'), """ + Grants.expression(grants, "c.relacl",
                "c.relowner", 'r', "'TABLE ' || " + quoted("n", "c.relname")) + """

            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND""" + USER_SCHEMA + "AND"
            + notInExtension("pg_class", "c.oid");
    }

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attnum, a.attname, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid), d.oid, a.attislocal,
                   CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END,
                   col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND""" + USER_SCHEMA
            + """

            ORDER BY a.attrelid, a.attnum""";

    private static final String CONSTRAINTS = """
            SELECT k.oid, k.conrelid, k.conname, quote_ident(k.conname), k.contype, pg_get_constraintdef(k.oid),
                   k.convalidated, k.conislocal, k.conparentid, k.conindid, obj_description(k.oid, 'pg_constraint')
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND""" + USER_SCHEMA + """

            ORDER BY k.conrelid, k.conname""";

    private static String sequences(boolean grants) {
        return """
            SELECT c.oid, n.nspname, c.relname, """ + quoted("n", "c.relname") + """
            , format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
                   s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   CASE WHEN has_sequence_privilege(c.oid, 'SELECT, USAGE') THEN pg_sequence_last_value(c.oid) END,
                   d.refobjid, d.refobjsubid, d.deptype, quote_ident(a.attname), obj_description(c.oid, 'pg_class'),
            """ + Grants.expression(grants, "c.relacl", "c.relowner", 's', "'SEQUENCE ' || " + quoted("n", "c.relname"))
                + """

            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
                 AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
            LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE c.relkind = 'S' AND""" + USER_SCHEMA + "AND" + notInExtension("pg_class", "c.oid");
    }

    record RelationRow(Relation relation, char persistence, boolean partition, String partitionBound,
                       String partitionKey, List<String> options, List<Long> parents, String viewDefinition,
                       boolean populated, String comment, List<String> grants) {
    }

    record ColumnRow(String name, String quoted, String type, boolean notNull, char identity, char generated,
                     String defaultExpr, boolean local, String collation, String comment) {
    }

    record ConstraintRow(long oid, String name, String quoted, char type, String definition, boolean validated,
                         boolean local, long parent, long index, String comment) {
    }

    static void read(Connection connection, Catalog catalog) throws SQLException {
        List<RelationRow> relations = new ArrayList<>();
        Catalog.query(connection, relations(catalog.grants), rs -> {
            char kind = rs.getString(5).charAt(0);
            ItemKind itemKind = switch (kind) {
                case 'v' -> ItemKind.VIEW;
                case 'm' -> ItemKind.MATERIALIZED_VIEW;
                default -> ItemKind.TABLE;
            };
            String key = Catalog.key("pg_class", rs.getLong(1));
            SchemaItem item = catalog.add(new SchemaItem(key, itemKind, rs.getString(2), rs.getString(3), ""));
            Relation relation = new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), kind,
                    item);
            catalog.relations.put(relation.oid(), relation);
            if (kind == 'f') {
                catalog.unsupported(key, "foreign table " + relation.quoted());
            }
            if (rs.getBoolean(11)) {
                catalog.unsupported(key, "typed table " + relation.quoted() + " (CREATE TABLE ... OF type)");
            }
            if (rs.getBoolean(12)) {
                catalog.unsupported(key, "row level security of " + relation.quoted());
            }
            relations.add(new RelationRow(relation, rs.getString(6).charAt(0), rs.getBoolean(7), rs.getString(8),
                    rs.getString(9), List.of(Catalog.strings(rs, 10)), List.of(Catalog.longs(rs, 13)), rs.getString(14),
                    rs.getBoolean(15), rs.getString(16), List.of(Catalog.strings(rs, 17))));
        });
        Map<Long, Map<String, ColumnRow>> columns = new HashMap<>();
        Catalog.query(connection, COLUMNS, rs -> {
            String table = Catalog.key("pg_class", rs.getLong(1));
            if (rs.getObject(10) != null) {
                catalog.aliases.put(Catalog.key("pg_attrdef", rs.getLong(10)), table);
            }
            columns.computeIfAbsent(rs.getLong(1), k -> new java.util.LinkedHashMap<>()).put(rs.getString(3),
                    new ColumnRow(rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                            charOf(rs.getString(7)), charOf(rs.getString(8)), rs.getString(9), rs.getBoolean(11),
                            rs.getString(12), rs.getString(13)));
        });
        Map<Long, List<ConstraintRow>> constraints = new HashMap<>();
        Catalog.query(connection, CONSTRAINTS, rs -> constraints.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                .add(new ConstraintRow(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5).charAt(0),
                        rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getLong(9), rs.getLong(10),
                        rs.getString(11))));
        Map<String, String> identities = SequenceItems.read(connection, catalog, sequences(catalog.grants));
        for (RelationRow row : relations) {
            Relation relation = row.relation();
            Map<String, ColumnRow> own = columns.getOrDefault(relation.oid(), Map.of());
            switch (relation.kind()) {
                case 'r', 'p' -> TableDdl.table(catalog, row, own, columns, identities,
                        constraints.getOrDefault(relation.oid(), List.of()));
                case 'v', 'm' -> TableDdl.view(catalog, row, own);
                default -> {
                    // a foreign table: unsupported when written
                }
            }
            ConstraintItems.add(catalog, relation, constraints.getOrDefault(relation.oid(), List.of()));
        }
    }

    private static char charOf(String text) {
        return text == null || text.isEmpty() ? '\0' : text.charAt(0);
    }
}

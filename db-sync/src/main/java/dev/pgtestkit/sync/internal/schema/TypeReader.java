package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.CatalogFilters.USER_SCHEMA;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.notInExtension;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.quoted;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Enums, composite types, range types and domains (with their checks). Base types (written in C) are not
 * written: a table that uses one is unsupported unless an extension makes the type.
 */
final class TypeReader {

    private TypeReader() {
    }

    private static String types(boolean grants) {
        return """
            SELECT t.oid, n.nspname, t.typname, """ + quoted("n", "t.typname") + """
            , t.typtype,
                   ARRAY(SELECT quote_literal(e.enumlabel) FROM pg_enum e WHERE e.enumtypid = t.oid
                         ORDER BY e.enumsortorder),
                   ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                || CASE WHEN a.attcollation <> at.typcollation
                                        THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END
                         FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
                   format_type(t.typbasetype, t.typtypmod), t.typnotnull, pg_get_expr(t.typdefaultbin, 0),
                   CASE WHEN t.typtype = 'd' AND t.typcollation <> bt.typcollation
                        THEN t.typcollation::regcollation::text END,
                   ARRAY(SELECT quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k
                         WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname),
                   format_type(r.rngsubtype, NULL), quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname),
                   CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
                        THEN r.rngcollation::regcollation::text END,
                   CASE WHEN r.rngcanonical::oid <> 0 THEN r.rngcanonical::text END,
                   CASE WHEN r.rngsubdiff::oid <> 0 THEN r.rngsubdiff::text END,
                   format_type(r.rngmultitypid, NULL),
                   obj_description(t.oid, 'pg_type'), t.typrelid,
            """ + Grants.expression(grants, "t.typacl", "t.typowner", 'T', "'TYPE ' || " + quoted("n", "t.typname"))
                + """

            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_class tc ON tc.oid = t.typrelid
            LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
            LEFT JOIN pg_range r ON r.rngtypid = t.oid
            LEFT JOIN pg_type st ON st.oid = r.rngsubtype
            LEFT JOIN pg_opclass opc ON opc.oid = r.rngsubopc
            LEFT JOIN pg_namespace opn ON opn.oid = opc.opcnamespace
            WHERE t.typtype IN ('e', 'c', 'd', 'r') AND (t.typtype <> 'c' OR tc.relkind = 'c') AND""" + USER_SCHEMA
            + "AND" + notInExtension("pg_type", "t.oid");
    }

    static void read(Connection connection, Catalog catalog) throws SQLException {
        Catalog.query(connection, types(catalog.grants), rs -> {
            char typtype = rs.getString(5).charAt(0);
            String quoted = rs.getString(4);
            SchemaItem item = catalog.add(new SchemaItem(Catalog.key("pg_type", rs.getLong(1)),
                    typtype == 'd' ? ItemKind.DOMAIN : ItemKind.TYPE, rs.getString(2), rs.getString(3), ""));
            switch (typtype) {
                case 'e' -> item.statement("CREATE TYPE " + quoted + " AS ENUM (" + list(Catalog.strings(rs, 6)) + ")");
                case 'c' -> {
                    item.statement("CREATE TYPE " + quoted + " AS (" + list(Catalog.strings(rs, 7)) + ")");
                    // The composite type's pg_class row stands for the type.
                    catalog.aliases.put(Catalog.key("pg_class", rs.getLong(20)), item.key);
                }
                case 'r' -> item.statement("CREATE TYPE " + quoted + " AS RANGE (" + rangeOptions(rs) + ")");
                default -> domain(rs, quoted, item);
            }
            Sql.comment(item, (typtype == 'd' ? "DOMAIN " : "TYPE ") + quoted, rs.getString(19));
            Grants.append(item, Catalog.strings(rs, 21));
        });
    }

    private static void domain(ResultSet rs, String quoted, SchemaItem item) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(quoted).append(" AS ").append(rs.getString(8));
        if (rs.getString(11) != null) {
            sql.append(" COLLATE ").append(rs.getString(11));
        }
        if (rs.getString(10) != null) {
            sql.append(" DEFAULT ").append(rs.getString(10));
        }
        if (rs.getBoolean(9)) {
            sql.append(" NOT NULL");
        }
        item.statement(sql.toString());
        // ALTER DOMAIN takes a NOT VALID check too, which CREATE DOMAIN does not.
        for (String check : Catalog.strings(rs, 12)) {
            item.statement("ALTER DOMAIN " + quoted + " ADD CONSTRAINT " + check);
        }
    }

    private static String rangeOptions(ResultSet rs) throws SQLException {
        StringBuilder options = new StringBuilder("\n    subtype = ").append(rs.getString(13));
        options.append(",\n    subtype_opclass = ").append(rs.getString(14));
        if (rs.getString(15) != null) {
            options.append(",\n    collation = ").append(rs.getString(15));
        }
        if (rs.getString(16) != null) {
            options.append(",\n    canonical = ").append(rs.getString(16));
        }
        if (rs.getString(17) != null) {
            options.append(",\n    subtype_diff = ").append(rs.getString(17));
        }
        if (rs.getString(18) != null) {
            options.append(",\n    multirange_type_name = ").append(rs.getString(18));
        }
        return options.append("\n").toString();
    }

    private static String list(String[] elements) {
        if (elements.length == 0) {
            return "";
        }
        return "\n    " + String.join(",\n    ", elements) + "\n";
    }
}

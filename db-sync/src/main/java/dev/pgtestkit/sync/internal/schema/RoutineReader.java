package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.CatalogFilters.USER_SCHEMA;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.notInExtension;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.quoted;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Functions and procedures, as {@code pg_get_functiondef} prints them. Aggregates and window functions are not
 * written (an object that uses one is unsupported); functions a range type makes for itself are left to it.
 */
final class RoutineReader {

    private RoutineReader() {
    }

    private static String routines(boolean grants) {
        return """
            SELECT p.oid, n.nspname, p.proname, pg_get_function_identity_arguments(p.oid),
                   """ + quoted("n", "p.proname") + """
            , p.prokind, pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc'),
            """ + Grants.expression(grants, "p.proacl", "p.proowner", 'f', "'ROUTINE ' || " + quoted("n", "p.proname")
                + " || '(' || pg_get_function_identity_arguments(p.oid) || ')'") + """

            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid
                              AND i.deptype = 'i')
              AND""" + USER_SCHEMA + "AND" + notInExtension("pg_proc", "p.oid");
    }

    static void read(Connection connection, Catalog catalog) throws SQLException {
        Catalog.query(connection, routines(catalog.grants), rs -> {
            boolean procedure = rs.getString(6).equals("p");
            String signature = "(" + rs.getString(4) + ")";
            SchemaItem item = catalog.add(new SchemaItem(Catalog.key("pg_proc", rs.getLong(1)),
                    procedure ? ItemKind.PROCEDURE : ItemKind.FUNCTION, rs.getString(2), rs.getString(3) + signature,
                    ""));
            item.statement(rs.getString(7).stripTrailing());
            Sql.comment(item, (procedure ? "PROCEDURE " : "FUNCTION ") + rs.getString(5) + signature,
                    rs.getString(8));
            Grants.append(item, Catalog.strings(rs, 9));
        });
    }
}

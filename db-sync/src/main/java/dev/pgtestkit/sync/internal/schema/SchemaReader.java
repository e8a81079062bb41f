package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.CatalogFilters.USER_SCHEMA;
import static dev.pgtestkit.sync.internal.schema.CatalogFilters.notInExtension;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Schemas and extensions. {@code public} exists in every new database and plpgsql is installed in it, so neither
 * is written. Every extension is written ({@code CREATE EXTENSION IF NOT EXISTS}): function bodies may use one
 * without the catalog recording it.
 */
final class SchemaReader {

    private SchemaReader() {
    }

    private static String schemas(boolean grants) {
        return "SELECT n.oid, n.nspname, quote_ident(n.nspname), obj_description(n.oid, 'pg_namespace'), "
                + Grants.expression(grants, "n.nspacl", "n.nspowner", 'n', "'SCHEMA ' || quote_ident(n.nspname)")
                + " FROM pg_namespace n WHERE n.nspname <> 'public' AND" + USER_SCHEMA + "AND"
                + notInExtension("pg_namespace", "n.oid");
    }

    private static final String EXTENSIONS = """
            SELECT e.oid, e.extname, quote_ident(e.extname), quote_ident(n.nspname), n.nspname
            FROM pg_extension e
            JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql'""";

    static void read(Connection connection, Catalog catalog) throws SQLException {
        Catalog.query(connection, schemas(catalog.grants), rs -> {
            String quoted = rs.getString(3);
            SchemaItem item = catalog.add(new SchemaItem(Catalog.key("pg_namespace", rs.getLong(1)), ItemKind.SCHEMA,
                    rs.getString(2), "", ""));
            item.statement("CREATE SCHEMA " + quoted);
            Sql.comment(item, "SCHEMA " + quoted, rs.getString(4));
            Grants.append(item, Catalog.strings(rs, 5));
        });
        Catalog.query(connection, EXTENSIONS, rs -> {
            SchemaItem item = catalog.add(new SchemaItem(Catalog.key("pg_extension", rs.getLong(1)),
                    ItemKind.EXTENSION, rs.getString(5), rs.getString(2), ""));
            item.statement("CREATE EXTENSION IF NOT EXISTS " + rs.getString(3) + " WITH SCHEMA " + rs.getString(4));
        });
    }
}

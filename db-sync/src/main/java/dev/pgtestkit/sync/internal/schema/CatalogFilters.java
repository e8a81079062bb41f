package dev.pgtestkit.sync.internal.schema;

/** SQL fragments the catalog queries share. */
final class CatalogFilters {

    private CatalogFilters() {
    }

    /** The namespace {@code n} is a user's schema (not pg_catalog, information_schema, pg_toast, temp schemas). */
    static final String USER_SCHEMA = " n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' ";

    /** The object {@code oid} of catalog {@code catalog} is not an extension's (CREATE EXTENSION makes it). */
    static String notInExtension(String catalog, String oid) {
        return " NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = '" + catalog + "'::regclass AND x.objid = "
                + oid + " AND x.deptype = 'e') ";
    }

    /** {@code "schema"."name"} as the server quotes it (only where needed). */
    static String quoted(String namespace, String name) {
        return "quote_ident(" + namespace + ".nspname) || '.' || quote_ident(" + name + ")";
    }
}

package dev.pgtestkit.sync.internal.schema;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.internal.schema.SchemaWriter.SchemaScripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writing scripts as the dumper does (one REPEATABLE READ snapshot), running them, and comparing catalogs. */
final class SchemaScriptsSupport {

    private SchemaScriptsSupport() {
    }

    static SchemaScripts write(SchemaWriter writer, DisposableDatabase db, Predicate<QualifiedName> include)
            throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return writer.write(c, include);
            } finally {
                c.rollback();
            }
        }
    }

    static SchemaScripts write(DisposableDatabase db) throws SQLException {
        return write(new CatalogSchemaWriter(), db, t -> true);
    }

    /** Keeps the scripts under target/ for a look when a test fails. */
    static void keep(String name, SchemaScripts scripts) {
        try {
            String directory = name.replaceAll("[^A-Za-z0-9_-]", "_");
            Path dir = Files.createDirectories(Path.of("target", "schema-scripts", directory));
            Files.writeString(dir.resolve("pre-data.sql"), scripts.preData());
            Files.writeString(dir.resolve("post-data.sql"), scripts.postData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs pre-data then post-data, as the restorer does around the data load. */
    static void restore(SchemaScripts scripts, DisposableDatabase target) throws SQLException {
        execute(target, scripts.preData());
        execute(target, scripts.postData());
    }

    static void execute(DisposableDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static final Pattern COERCED_ARRAY = Pattern.compile("\\(\\(ARRAY\\[([^\\]]*)\\]\\)::(\\w+)\\[\\]\\)");

    /**
     * Postgres does not print {@code varchar_column IN ('a', 'b')} as a fixed point: the source prints
     * {@code ((ARRAY['a'::character varying, ...])::text[])}, and that text, parsed again, prints as
     * {@code (ARRAY[('a'::character varying)::text, ...])} (the same for pg_dump). This rewrites the first form
     * into the second, so that a source and its restored copy compare equal; nothing else is touched.
     */
    static String normalize(String text) {
        Matcher m = COERCED_ARRAY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> elements = new ArrayList<>();
            for (String element : m.group(1).split(", ", -1)) {
                elements.add("(" + element + ")::" + m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("(ARRAY[" + String.join(", ", elements) + "])"));
        }
        return m.appendTail(out).toString();
    }

    static String resource(String name) {
        try (InputStream in = SchemaScriptsSupport.class.getResourceAsStream("/schema/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource schema/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The user objects of a database as the server describes them, one line each, sorted: independent of the
     * writer (the server's own {@code pg_get_*def} texts, formats and catalog flags; names, never oids).
     */
    static List<String> catalog(DisposableDatabase db) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path = ''");
            for (String query : CATALOG_QUERIES) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static final String USER = " n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' ";

    private static final List<String> CATALOG_QUERIES = List.of(
            "SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE" + USER,
            "SELECT 'extension ' || extname || ' in ' || extnamespace::regnamespace FROM pg_extension",
            """
            SELECT 'relation ' || c.oid::regclass || ' ' || c.relkind::text || c.relpersistence::text
                   || ' ' || coalesce(pg_get_expr(c.relpartbound, c.oid), '-')
                   || ' ' || coalesce(pg_get_partkeydef(c.oid), '-') || ' ' || coalesce(c.reloptions::text, '-')
                   || ' ' || c.relispopulated || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '-')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'i', 'I') AND""" + USER,
            """
            SELECT 'column ' || a.attrelid::regclass || '.' || a.attnum || ' ' || a.attname || ' '
                   || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || a.attidentity::text
                   || a.attgenerated::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') || ' '
                   || a.attcollation::regcollation || ' ' || a.attislocal || a.attinhcount || ' '
                   || coalesce(col_description(a.attrelid, a.attnum), '-')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c') AND""" + USER,
            """
            SELECT 'constraint ' || coalesce(k.conrelid::regclass::text, k.contypid::regtype::text) || ' '
                   || k.conname || ' ' || pg_get_constraintdef(k.oid) || ' ' || k.convalidated || ' ' || k.conislocal
                   || k.coninhcount || ' ' || coalesce(obj_description(k.oid, 'pg_constraint'), '-')
            FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype <> 'n' AND""" + USER,
            """
            SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' ' || i.indisvalid || ' '
                   || coalesce((SELECT p.inhparent::regclass::text FROM pg_inherits p WHERE p.inhrelid = i.indexrelid),
                               '-')
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE""" + USER,
            """
            SELECT 'inherits ' || i.inhrelid::regclass || ' ' || i.inhparent::regclass || ' ' || i.inhseqno
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relkind IN ('r', 'p')""",
            """
            SELECT 'view ' || c.oid::regclass || ' ' || pg_get_viewdef(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND""" + USER,
            """
            SELECT 'routine ' || pg_get_functiondef(p.oid) || ' ' || coalesce(obj_description(p.oid, 'pg_proc'), '-')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p') AND """ + USER + """
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype IN ('e', 'i'))""",
            """
            SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text || ' '
                   || coalesce(obj_description(t.oid, 'pg_trigger'), '-')
            FROM pg_trigger t WHERE NOT t.tgisinternal""",
            """
            SELECT 'type ' || t.oid::regtype || ' ' || t.typtype::text || ' ' || format_type(t.typbasetype, t.typtypmod)
                   || ' ' || t.typnotnull || ' ' || coalesce(pg_get_expr(t.typdefaultbin, 0), '-') || ' '
                   || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e
                                WHERE e.enumtypid = t.oid), '-') || ' '
                   || coalesce((SELECT r.rngsubtype::regtype || ' ' || r.rngsubdiff || ' ' || r.rngmultitypid::regtype
                                FROM pg_range r WHERE r.rngtypid = t.oid), '-') || ' '
                   || coalesce(obj_description(t.oid, 'pg_type'), '-')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype IN ('e', 'c', 'd', 'r', 'm') AND""" + USER + """
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')""",
            """
            SELECT 'sequence ' || schemaname || '.' || sequencename || ' ' || data_type || ' ' || start_value || ' '
                   || min_value || ' ' || max_value || ' ' || increment_by || ' ' || cycle || ' ' || cache_size
                   || ' ' || coalesce(last_value::text, '-')
            FROM pg_sequences""",
            """
            SELECT 'owned ' || d.objid::regclass || ' by ' || d.refobjid::regclass || '.' || d.refobjsubid || ' '
                   || d.deptype::text
            FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
            WHERE d.classid = 'pg_class'::regclass AND c.relkind = 'S' AND d.refclassid = 'pg_class'::regclass
              AND d.deptype IN ('a', 'i')""",
            """
            SELECT 'comment ' || pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' ' || d.description
            FROM pg_description d WHERE d.objoid >= 16384
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = d.objoid AND x.deptype = 'e')""");
}

package dev.pgtestkit.core.schema.internal;

/**
 * The catalog queries, one per kind of object. Each takes the loaded schema names as its only parameter
 * ({@code text[]}), so their number never depends on how many tables there are. Postgres 12+.
 */
final class CatalogQueries {

    /** Relations of the loaded schemas that are tables (ordinary or partitioned). */
    private static final String TABLE_FILTER = " c.relkind IN ('r', 'p') AND n.nspname = ANY (?) ";

    /** A type {@code t} a user declared: an enum, a domain, or a composite type (not a table's row type). */
    private static final String DECLARED_TYPE = """
            (t.typtype IN ('e', 'd') OR t.typtype = 'c'
                 AND (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c')""";

    static final String SCHEMAS = """
            SELECT n.nspname FROM pg_namespace n
            WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY n.nspname""";

    static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition, pn.nspname, pc.relname,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
                   CASE WHEN c.relispartition THEN pg_get_partition_constraintdef(c.oid) END
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE """ + TABLE_FILTER;

    static final String COLUMNS = """
            SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND """ + TABLE_FILTER + """

            ORDER BY a.attrelid, a.attnum""";

    /**
     * Column types and the enums, domains and composite types declared in the loaded schemas (used or not) plus,
     * transitively, domains' base types and arrays' element types. The last two columns say whether the type is
     * one of those declared ones (not a table's row type) and how {@code format_type} prints it.
     */
    static final String TYPES = """
            WITH RECURSIVE wanted(oid) AS (
                SELECT a.atttypid
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.attnum > 0 AND NOT a.attisdropped AND """ + TABLE_FILTER + """

                UNION
                SELECT t.oid FROM pg_type t
                JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = ANY (?) AND """ + DECLARED_TYPE + """

                UNION
                SELECT x.next FROM wanted w
                JOIN pg_type t ON t.oid = w.oid
                CROSS JOIN LATERAL (VALUES (t.typbasetype), (t.typelem)) AS x(next)
                WHERE x.next <> 0
            )
            SELECT t.oid, n.nspname, t.typname, t.typtype, t.typcategory, t.typlen, t.typbasetype, t.typtypmod,
                   format_type(t.typbasetype, t.typtypmod), t.typelem, t.typnotnull,
                   ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                   ARRAY(SELECT d.conname FROM pg_constraint d
                         WHERE d.contypid = t.oid AND d.contype = 'c' ORDER BY d.conname),
                   ARRAY(SELECT pg_get_constraintdef(d.oid) FROM pg_constraint d
                         WHERE d.contypid = t.oid AND d.contype = 'c' ORDER BY d.conname),
                   ARRAY(SELECT pg_get_expr(d.conbin, 0) FROM pg_constraint d
                         WHERE d.contypid = t.oid AND d.contype = 'c' ORDER BY d.conname),
                   n.nspname = ANY (?) AND """ + DECLARED_TYPE + """

                   AS declared, format_type(t.oid, NULL)
            FROM wanted w
            JOIN pg_type t ON t.oid = w.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace""";

    /**
     * Primary key, unique, foreign key and check constraints. Foreign keys that Postgres clones onto the
     * referencing table for each partition of a referenced partitioned table are internal and left out.
     * Key columns come as attnums, resolved against the loaded columns; only a foreign key into a schema that is
     * not loaded gets its referenced column names from the server (resolving names per row costs ~50 ms per
     * 1,000 tables). {@code %s} is the NULLS NOT DISTINCT expression (Postgres 15+) or {@code false}.
     */
    private static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname, con.contype, con.conkey, con.confrelid, rn.nspname, rc.relname,
                   con.confkey,
                   CASE WHEN con.contype = 'f' AND NOT rn.nspname = ANY (?) THEN
                       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)
                   END,
                   con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred,
                   CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END,
                   CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END,
                   coalesce(%s, false)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class rc ON rc.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u')
            WHERE con.contype IN ('p', 'u', 'f', 'c') AND """ + TABLE_FILTER + """

              AND NOT (con.contype = 'f' AND con.conparentid <> 0 AND EXISTS (
                  SELECT 1 FROM pg_constraint parent
                  WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid))""";

    /**
     * {@code pg_get_indexdef}'s text of a plain index, built from the catalog; null for any other index. Plain: a
     * B-tree index (not a partitioned one) on columns only, each with its default operator class, collation and
     * order, no {@code INCLUDE}, predicate, storage parameters or {@code NULLS NOT DISTINCT} ({@code %1$s}); the text
     * is then {@code CREATE [UNIQUE] INDEX name ON schema.table USING btree (columns)}, every name as
     * {@code quote_ident} writes it. {@code pg_get_indexdef} opens each index's relation cache entry: about 18 µs an
     * index on a session that has read it before, three times that on a new one. The operator class counts as the
     * default when it is the default one for the column's own type, a domain's base type, any enum, any array, or
     * text for varchar: a narrower rule than the server's (GetDefaultOpClass), so an index this does not recognize
     * is left to {@code pg_get_indexdef}; {@code IndexDefinitionIT} compares both.
     */
    private static final String PLAIN_INDEX_DEFINITION = """
            CASE WHEN ic.relkind = 'i' AND am.amname = 'btree' AND i.indexprs IS NULL AND i.indpred IS NULL
                      AND i.indnatts = i.indnkeyatts AND ic.reloptions IS NULL AND NOT coalesce(%1$s, false) THEN
                (SELECT CASE WHEN bool_and(k.opt = 0 AND k.coll = a.attcollation AND oc.opcdefault
                                  AND (oc.opcintype = a.atttypid
                                       OR t.typtype = 'd' AND oc.opcintype = t.typbasetype
                                       OR t.typtype = 'e' AND oc.opcintype = 'anyenum'::regtype
                                       OR t.typcategory = 'A' AND oc.opcintype = 'anyarray'::regtype
                                       OR a.atttypid = 'varchar'::regtype AND oc.opcintype = 'text'::regtype))
                             THEN 'CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX '
                                  || quote_ident(ic.relname) || ' ON ' || quote_ident(n.nspname) || '.'
                                  || quote_ident(c.relname) || ' USING btree ('
                                  || string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) || ')'
                        END
                 FROM unnest(i.indkey::int2[], i.indclass::oid[], i.indcollation::oid[], i.indoption::int2[])
                      WITH ORDINALITY AS k(num, cls, coll, opt, ord)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                 JOIN pg_type t ON t.oid = a.atttypid
                 JOIN pg_opclass oc ON oc.oid = k.cls)
            END""";

    /**
     * All indexes; key columns as attnums (0 for an expression, whose text then comes in the next column).
     * {@code %1$s} as in {@link #CONSTRAINTS}.
     */
    private static final String INDEXES = """
            SELECT i.indrelid, ic.relname, am.amname, i.indisunique, i.indisprimary,
                   (i.indkey::int2[])[0:i.indnkeyatts - 1],
                   CASE WHEN 0 = ANY (i.indkey::int2[]) THEN
                       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                             FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)
                   END,
                   pg_get_expr(i.indpred, i.indrelid),
                   coalesce(""" + PLAIN_INDEX_DEFINITION + """
            , pg_get_indexdef(i.indexrelid)), coalesce(%1$s, false),
                   EXISTS (SELECT 1 FROM pg_constraint con
                           WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                             AND con.contype IN ('p', 'u', 'x'))
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE """ + TABLE_FILTER;

    /** Sequences of the loaded schemas with the column that owns them (serial: 'a', identity: 'i'). */
    static final String SEQUENCES = """
            SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,
                   s.seqmax, own.nspname, oc.relname, oa.attname
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
                 AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
            LEFT JOIN pg_class oc ON oc.oid = d.refobjid
            LEFT JOIN pg_namespace own ON own.oid = oc.relnamespace
            LEFT JOIN pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
            WHERE n.nspname = ANY (?)""";

    /**
     * Turns JIT off for the rest of the transaction and returns the previous value. The catalog queries'
     * row estimates are far too high (set-returning functions, recursive CTE), which makes a server with JIT
     * enabled spend hundreds of milliseconds compiling plans that run in a few.
     */
    static final String JIT_OFF = "SELECT current_setting('jit'), set_config('jit', 'off', true)";

    /** Puts the caller's JIT setting back for the rest of their transaction. */
    static final String JIT_RESTORE = "SELECT set_config('jit', ?, true)";

    private CatalogQueries() {
    }

    static String constraints(int serverMajorVersion) {
        return CONSTRAINTS.formatted(nullsNotDistinct(serverMajorVersion));
    }

    static String indexes(int serverMajorVersion) {
        return INDEXES.formatted(nullsNotDistinct(serverMajorVersion));
    }

    /** {@link #PLAIN_INDEX_DEFINITION} alone, over the same joins as {@link #INDEXES}: for the tests that check it. */
    static String plainIndexDefinition(int serverMajorVersion) {
        return PLAIN_INDEX_DEFINITION.formatted(nullsNotDistinct(serverMajorVersion));
    }

    private static String nullsNotDistinct(int serverMajorVersion) {
        return serverMajorVersion >= 15 ? "i.indnullsnotdistinct" : "false";
    }
}

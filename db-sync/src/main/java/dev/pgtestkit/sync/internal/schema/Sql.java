package dev.pgtestkit.sync.internal.schema;

/** Text helpers for the statements the writer composes (identifiers come from the server, quoted by quote_ident). */
final class Sql {

    private Sql() {
    }

    /** A string literal under {@code standard_conforming_strings = on}. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code COMMENT ON <target> IS '...'}, or nothing without a comment. */
    static void comment(SchemaItem item, String target, String comment) {
        if (comment != null) {
            item.statement("COMMENT ON " + target + " IS " + literal(comment));
        }
    }
}

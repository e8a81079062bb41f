package dev.pgtestkit.mock.internal.check;

/**
 * A token of a constraint expression as Postgres prints it.
 *
 * @param kind  what it is
 * @param text  identifier (unquoted, case kept), literal contents (quotes removed), operator or keyword text
 * @param start offset of the token in the source, so a rewrite can keep everything else byte for byte
 * @param end   offset just past the token
 */
record Token(Kind kind, String text, int start, int end) {

    enum Kind { IDENT, QUOTED_IDENT, NUMBER, STRING, OPERATOR, PUNCT, END }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    /** An unquoted identifier equal to {@code word}, ignoring case (SQL keywords). */
    boolean isWord(String word) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(word);
    }

    boolean isPunct(String p) {
        return is(Kind.PUNCT, p);
    }
}

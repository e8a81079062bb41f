package dev.pgtestkit.core.sql;

/**
 * One lexical token of a SQL string: its kind, its span in the source ({@code start} inclusive, {@code end}
 * exclusive) and its text. For operators the text is the operator as Postgres sees it (a JDBC-escaped {@code ??|}
 * becomes {@code ?|}); for everything else it is the source slice.
 *
 * @param kind  what the token is; never null
 * @param start offset of its first character in the source
 * @param end   offset just past its last character
 * @param text  see above; never null
 */
public record Token(Kind kind, int start, int end, String text) {

    /** Token families. Whitespace and comments are not tokens. */
    public enum Kind {
        /** Unquoted identifier or keyword, as written (not case-folded). */
        WORD,
        /** {@code "Quoted Identifier"}, quotes included. */
        QUOTED_IDENT,
        /** A string constant: {@code 'x'}, {@code E'x'}, {@code B'1'}, {@code X'ff'}, {@code U&'x'}, {@code $$x$$}. */
        STRING,
        /** A numeric constant: {@code 42}, {@code 1.5e-3}, {@code 0x1F}, {@code 1_000}. */
        NUMBER,
        /** A JDBC placeholder {@code ?}. */
        JDBC_PARAM,
        /** A Postgres positional parameter {@code $1}. */
        DOLLAR_PARAM,
        /** An operator: {@code =}, {@code <>}, {@code ->>}, {@code @>}... */
        OPERATOR,
        /** Punctuation: {@code ( ) [ ] , ; . : :: { }} and anything else of one character. */
        PUNCT
    }

    /** Whether the token is of that kind with that text, ignoring case. */
    public boolean is(Kind k, String s) {
        return kind == k && text.equalsIgnoreCase(s);
    }

    /** Whether the token is that word (a keyword, say), ignoring case. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** Whether the token is that punctuation. */
    public boolean isPunct(String s) {
        return kind == Kind.PUNCT && text.equals(s);
    }

    /** Whether the token is a constant or a parameter. */
    public boolean isLiteralOrParam() {
        return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.JDBC_PARAM || kind == Kind.DOLLAR_PARAM;
    }
}

package dev.pgtestkit.querylog.internal;

/**
 * One lexical token of a SQL string: its kind, its span in the source ({@code start} inclusive, {@code end}
 * exclusive) and its text. For operators the text is the operator as Postgres sees it (a JDBC-escaped {@code ??|}
 * becomes {@code ?|}); for everything else it is the source slice.
 */
record Token(Kind kind, int start, int end, String text) {

    enum Kind {
        /** Unquoted identifier or keyword. */
        WORD,
        /** {@code "Quoted Identifier"}. */
        QUOTED_IDENT,
        /** A string constant: {@code 'x'}, {@code E'x'}, {@code B'1'}, {@code X'ff'}, {@code U&'x'}, {@code $$x$$}. */
        STRING,
        NUMBER,
        /** A JDBC placeholder {@code ?}. */
        JDBC_PARAM,
        /** A Postgres positional parameter {@code $1}. */
        DOLLAR_PARAM,
        OPERATOR,
        /** Punctuation: {@code ( ) [ ] , ; . : :: { }} and anything else of one character. */
        PUNCT
    }

    boolean is(Kind k, String s) {
        return kind == k && text.equalsIgnoreCase(s);
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isPunct(String s) {
        return kind == Kind.PUNCT && text.equals(s);
    }

    boolean isLiteralOrParam() {
        return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.JDBC_PARAM || kind == Kind.DOLLAR_PARAM;
    }
}

package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalized form of a statement, so that executions differing only in constants, whitespace, comments, keyword
 * case or the length of an {@code IN} list / multi-row {@code VALUES} / {@code ARRAY[...]} group together.
 *
 * <p>String, number and boolean constants and JDBC placeholders become {@code ?} (a unary minus belongs to its
 * number, as in the server's grammar); {@code $n} stays; positional {@code ORDER BY 1} / {@code GROUP BY 2} numbers
 * stay (they name columns); keywords are upper-cased, unquoted identifiers lower-cased (the server folds them);
 * operators containing {@code ?} are written JDBC-escaped ({@code ??|}), so the result is itself valid prepared SQL.
 */
final class SqlNormalizer {

    static final Set<String> KEYWORDS = Set.of(
            "ALL", "ALTER", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "BEGIN", "BETWEEN", "BY", "CALL", "CASE",
            "CAST", "COMMIT", "CONFLICT", "COPY", "CREATE", "CROSS", "CURRENT", "DEFAULT", "DELETE", "DESC", "DISTINCT",
            "DO", "DROP", "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "EXPLAIN", "FETCH", "FILTER", "FIRST", "FOR",
            "FROM", "FULL", "GROUP", "HAVING", "ILIKE", "IN", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN",
            "LATERAL", "LEFT", "LIKE", "LIMIT", "LOCKED", "MATCHED", "MATERIALIZED", "MERGE", "NATURAL", "NEXT", "NOT",
            "NOTHING", "NOWAIT", "NULL", "NULLS", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVER", "PARTITION",
            "RECURSIVE", "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "SHARE", "SHOW",
            "SIMILAR", "SKIP", "SOME", "TABLE", "THEN", "TRUNCATE", "UNION", "UPDATE", "USING", "VALUES", "WHEN",
            "WHERE", "WINDOW", "WITH", "WITHIN");

    /** Words after which a {@code -} is a sign, not a subtraction. */
    private static final Set<String> SIGN_CONTEXT_WORDS = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "THEN",
            "ELSE", "WHEN", "VALUES", "BY", "LIMIT", "OFFSET", "RETURNING", "SET", "ON", "HAVING", "IN", "BETWEEN",
            "IS", "DEFAULT", "CASE", "FETCH", "LIKE", "ILIKE", "ANY", "SOME", "ALL");

    private static final Set<String> SIGN_CONTEXT_PUNCTUATION = Set.of("(", ",", "[", ";", "{");

    /** Tokens that may follow a positional ORDER BY / GROUP BY number. */
    private static final Set<String> AFTER_POSITION = Set.of(",", ")", ";", "ASC", "DESC", "NULLS", "LIMIT",
            "OFFSET", "FETCH", "FOR", "HAVING", "WINDOW", "UNION", "INTERSECT", "EXCEPT");

    private SqlNormalizer() {
    }

    /** The normalized text of {@code tokens} (from {@link SqlLexer}). */
    static String normalize(List<Token> tokens) {
        List<String> pieces = toPieces(tokens);
        ListCollapser.collapse(pieces);
        return render(pieces);
    }

    private static List<String> toPieces(List<Token> tokens) {
        boolean[] positional = positionalNumbers(tokens);
        List<String> pieces = new ArrayList<>(tokens.size());
        int last = lastSignificant(tokens);
        for (int i = 0; i <= last; i++) {
            Token t = tokens.get(i);
            if (t.is(Kind.OPERATOR, "-") && i + 1 <= last && tokens.get(i + 1).kind() == Kind.NUMBER
                    && !positional[i + 1] && isSignContext(i > 0 ? tokens.get(i - 1) : null)) {
                pieces.add("?");
                i++;
            } else {
                pieces.add(piece(t, positional[i]));
            }
        }
        return pieces;
    }

    /** Index of the last token that is not a trailing semicolon. */
    private static int lastSignificant(List<Token> tokens) {
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).isPunct(";")) {
            last--;
        }
        return last;
    }

    private static String piece(Token t, boolean positional) {
        return switch (t.kind()) {
            case STRING, JDBC_PARAM -> "?";
            case NUMBER -> positional ? t.text() : "?";
            case WORD -> word(t.text());
            case OPERATOR -> t.text().replace("?", "??");
            case QUOTED_IDENT -> quotedIdentifier(t.text());
            default -> t.text();
        };
    }

    /** {@code "id"} names the same column as {@code id}: quotes that change nothing are dropped. */
    private static String quotedIdentifier(String quoted) {
        if (quoted.length() < 2 || !quoted.endsWith("\"")) {
            return quoted; // unterminated
        }
        String inner = quoted.substring(1, quoted.length() - 1);
        boolean plain = inner.matches("[a-z_][a-z0-9_$]*") && !KEYWORDS.contains(inner.toUpperCase(Locale.ROOT));
        return plain ? inner : quoted;
    }

    private static String word(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return "?";
        }
        return KEYWORDS.contains(upper) ? upper : text.toLowerCase(Locale.ROOT);
    }

    private static boolean isSignContext(Token previous) {
        if (previous == null) {
            return true;
        }
        return switch (previous.kind()) {
            case OPERATOR -> true;
            case PUNCT -> SIGN_CONTEXT_PUNCTUATION.contains(previous.text());
            case WORD -> SIGN_CONTEXT_WORDS.contains(previous.text().toUpperCase(Locale.ROOT));
            default -> false;
        };
    }

    /** Numbers that name a column by position in ORDER BY / GROUP BY lists: kept as they are. */
    private static boolean[] positionalNumbers(List<Token> tokens) {
        boolean[] positional = new boolean[tokens.size()];
        java.util.BitSet inByList = new java.util.BitSet();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")") && depth > 0) {
                inByList.clear(depth--);
            } else if (t.isWord("BY") && i > 0
                    && (tokens.get(i - 1).isWord("ORDER") || tokens.get(i - 1).isWord("GROUP"))) {
                inByList.set(depth);
            } else if (t.kind() == Kind.WORD && AFTER_POSITION.contains(t.text().toUpperCase(Locale.ROOT))
                    && !t.isWord("ASC") && !t.isWord("DESC") && !t.isWord("NULLS")) {
                inByList.clear(depth);
            } else if (t.kind() == Kind.NUMBER && inByList.get(depth)) {
                positional[i] = isPositionalSlot(tokens, i);
            }
        }
        return positional;
    }

    private static boolean isPositionalSlot(List<Token> tokens, int i) {
        Token previous = tokens.get(i - 1);
        boolean afterSeparator = previous.isWord("BY") || previous.isPunct(",");
        if (!afterSeparator) {
            return false;
        }
        if (i + 1 == tokens.size()) {
            return true;
        }
        Token next = tokens.get(i + 1);
        return (next.kind() == Kind.PUNCT || next.kind() == Kind.WORD)
                && AFTER_POSITION.contains(next.text().toUpperCase(Locale.ROOT));
    }

    private static String render(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0 && spaceBetween(i > 1 ? pieces.get(i - 2) : "", pieces.get(i - 1), pieces.get(i))) {
                out.append(' ');
            }
            out.append(pieces.get(i));
        }
        return out.toString();
    }

    /** Single spaces between pieces, except inside brackets, around dots and casts, and before call parentheses. */
    private static boolean spaceBetween(String beforePrevious, String previous, String next) {
        switch (next) {
            case ",", ")", "]", "}", ";", ".", "::":
                return false;
            case "(", "[":
                boolean call = isIdentifier(previous) && !beforePrevious.equals("INTO");
                return !call && !previous.equals("ARRAY") && !previous.equals("]");
            default:
                return !(previous.equals("(") || previous.equals("[") || previous.equals("{") || previous.equals(".")
                        || previous.equals("::"));
        }
    }

    /** Identifiers were lower-cased or are quoted; keywords are all upper case. */
    private static boolean isIdentifier(String piece) {
        if (piece.startsWith("\"")) {
            return true;
        }
        for (int i = 0; i < piece.length(); i++) {
            if (Character.isLowerCase(piece.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

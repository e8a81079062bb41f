package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the column each constant or parameter is written to or compared with, so values of secret columns can be
 * redacted: {@code INSERT INTO t (a, password) VALUES (?, ?)} (every row), {@code password = ?} and the other
 * comparisons, {@code ? = password}, {@code token IN (?, ?)}, {@code token = ANY(?)}, {@code SET password = ?}.
 */
final class LiteralColumns {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");

    private LiteralColumns() {
    }

    /** Column name per token index for literal and parameter tokens whose column the SQL names; else null. */
    static String[] columns(List<Token> tokens) {
        String[] columns = new String[tokens.size()];
        insertColumns(tokens, columns);
        for (int i = 0; i < tokens.size(); i++) {
            if (columns[i] == null && tokens.get(i).isLiteralOrParam()) {
                columns[i] = comparedColumn(tokens, i);
            }
        }
        return columns;
    }

    private static void insertColumns(List<Token> tokens, String[] columns) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("INSERT") && tokens.get(i + 1).isWord("INTO")) {
                int open = indexOfPunct(tokens, i + 2, "(");
                if (open < 0 || !precededByTableName(tokens, i + 2, open)) {
                    continue;
                }
                int close = closing(tokens, open);
                List<String> names = columnNames(tokens, open + 1, close);
                int values = close + 1 < tokens.size() && tokens.get(close + 1).isWord("VALUES") ? close + 2 : -1;
                if (values > 0 && !names.isEmpty()) {
                    assignRows(tokens, values, names, columns);
                }
            }
        }
    }

    private static boolean precededByTableName(List<Token> tokens, int from, int open) {
        for (int i = from; i < open; i++) {
            Token t = tokens.get(i);
            if (!SqlStructure.isName(t) && !t.isPunct(".")) {
                return false;
            }
        }
        return open > from;
    }

    private static List<String> columnNames(List<Token> tokens, int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (SqlStructure.isName(tokens.get(i))) {
                names.add(SqlStructure.identifier(tokens.get(i)));
            }
        }
        return names;
    }

    /** Assigns column k to the constants of the k-th element of every VALUES row. */
    private static void assignRows(List<Token> tokens, int from, List<String> names, String[] columns) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isPunct("(")) {
            int close = closing(tokens, i);
            int element = 0;
            int depth = 0;
            for (int j = i + 1; j < close; j++) {
                Token t = tokens.get(j);
                depth += t.isPunct("(") ? 1 : t.isPunct(")") ? -1 : 0;
                if (depth == 0 && t.isPunct(",")) {
                    element++;
                } else if (t.isLiteralOrParam() && element < names.size()) {
                    columns[j] = names.get(element);
                }
            }
            i = close + 1 < tokens.size() && tokens.get(close + 1).isPunct(",") ? close + 2 : tokens.size();
        }
    }

    private static String comparedColumn(List<Token> tokens, int i) {
        if (i >= 2 && isComparison(tokens.get(i - 1))) {
            return name(tokens, i - 2);
        }
        if (i + 2 < tokens.size() && isComparison(tokens.get(i + 1))) {
            return name(tokens, i + 2);
        }
        int open = enclosingListOpen(tokens, i);
        if (open >= 2 && tokens.get(open - 1).isWord("IN")) {
            int before = tokens.get(open - 2).isWord("NOT") ? open - 3 : open - 2;
            return name(tokens, before);
        }
        if (open >= 3 && (tokens.get(open - 1).isWord("ANY") || tokens.get(open - 1).isWord("ALL"))
                && isComparison(tokens.get(open - 2))) {
            return name(tokens, open - 3);
        }
        return null;
    }

    /** The '(' of the list that directly contains token i (only commas and constants between), or -1. */
    private static int enclosingListOpen(List<Token> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.isPunct("(")) {
                return j;
            }
            if (!t.isPunct(",") && !t.isLiteralOrParam()) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isComparison(Token t) {
        return (t.kind() == Kind.OPERATOR && COMPARISONS.contains(t.text())) || t.isWord("LIKE") || t.isWord("ILIKE");
    }

    private static String name(List<Token> tokens, int i) {
        if (i < 0 || i >= tokens.size() || !SqlStructure.isName(tokens.get(i))) {
            return null;
        }
        Token t = tokens.get(i);
        if (t.kind() == Kind.WORD && SqlNormalizer.KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            return null;
        }
        return SqlStructure.identifier(t);
    }

    private static int indexOfPunct(List<Token> tokens, int from, String punct) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct(punct)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the ')' closing the '(' at {@code open}, or the token count when unbalanced. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct("(")) {
                depth++;
            } else if (tokens.get(i).isPunct(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }
}

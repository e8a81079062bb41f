package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import dev.pgtestkit.querylog.RedactionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the column each constant or parameter is written to or compared with, so values of secret columns can be
 * redacted: {@code INSERT INTO t (a, password) VALUES (?, ?)} (every row; without a column list, the table's column
 * order when {@link RedactionRules#withColumnOrder} knows it, else every value is secret), {@code password = ?} and
 * the other comparisons, {@code ? = password}, {@code token IN (?, ?)}, {@code token = ANY(?)},
 * {@code SET password = ?}, also through functions and casts: {@code password = md5(?)},
 * {@code CAST(? AS text) = password}, {@code password = crypt(?::text, salt)}.
 */
final class LiteralColumns {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");

    /** The column name given to values whose column is unknown but may be secret (INSERT without column list). */
    static final String UNKNOWN_INSERT_COLUMN = "?insert-column-unknown";

    private LiteralColumns() {
    }

    /** Column name per token index for literal and parameter tokens whose column the SQL names; else null. */
    static String[] columns(List<Token> tokens, RedactionRules rules) {
        String[] columns = new String[tokens.size()];
        insertColumns(tokens, columns, rules);
        for (int i = 0; i < tokens.size(); i++) {
            if (columns[i] == null && tokens.get(i).isLiteralOrParam()) {
                columns[i] = comparedColumn(tokens, i);
            }
        }
        return columns;
    }

    private static void insertColumns(List<Token> tokens, String[] columns, RedactionRules rules) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("INSERT") && tokens.get(i + 1).isWord("INTO")) {
                int rows = valuesWithoutColumnList(tokens, i + 2);
                if (rows > 0) {
                    assignRows(tokens, rows, rules.columnOrder(tableName(tokens, i + 2)), columns);
                    continue;
                }
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

    /** {@code INSERT INTO t [AS a] VALUES}: the index of the first row's '(', else -1. */
    private static int valuesWithoutColumnList(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() && (SqlStructure.isName(tokens.get(i)) || tokens.get(i).isPunct("."))
                && !tokens.get(i).isWord("VALUES")) {
            i++;
        }
        boolean values = i > from && i + 1 < tokens.size() && tokens.get(i).isWord("VALUES")
                && tokens.get(i + 1).isPunct("(");
        return values ? i + 1 : -1;
    }

    /** The table name after INSERT INTO, as the server reads it ({@code public.users}). */
    private static String tableName(List<Token> tokens, int from) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < tokens.size() && (SqlStructure.isName(tokens.get(i)) || tokens.get(i).isPunct("."));
                i++) {
            if (tokens.get(i).isWord("VALUES") || tokens.get(i).isWord("AS")) {
                break;
            }
            if (i > from && !tokens.get(i).isPunct(".") && !tokens.get(i - 1).isPunct(".")) {
                break; // an alias
            }
            name.append(tokens.get(i).isPunct(".") ? "." : SqlStructure.identifier(tokens.get(i)));
        }
        return name.toString();
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

    /**
     * Assigns column k to the constants of the k-th element of every VALUES row; {@code names} null (unknown column
     * order) marks every value {@link #UNKNOWN_INSERT_COLUMN}.
     */
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
                } else if (t.isLiteralOrParam() && names == null) {
                    columns[j] = UNKNOWN_INSERT_COLUMN;
                } else if (t.isLiteralOrParam() && element < names.size()) {
                    columns[j] = names.get(element);
                }
            }
            i = close + 1 < tokens.size() && tokens.get(close + 1).isPunct(",") ? close + 2 : tokens.size();
        }
    }

    private static String comparedColumn(List<Token> tokens, int i) {
        int open = enclosingListOpen(tokens, i);
        if (open >= 2 && tokens.get(open - 1).isWord("IN")) {
            int before = tokens.get(open - 2).isWord("NOT") ? open - 3 : open - 2;
            return name(tokens, before);
        }
        if (open >= 3 && (tokens.get(open - 1).isWord("ANY") || tokens.get(open - 1).isWord("ALL"))
                && isComparison(tokens.get(open - 2))) {
            return name(tokens, open - 3);
        }
        // climb out of function calls and casts around the value: md5(?), CAST(? AS text), ?::text, crypt(?, s)
        int start = i;
        int end = skipCasts(tokens, i + 1);
        for (int climbs = 0; climbs < 8; climbs++) {
            if (start >= 2 && isComparison(tokens.get(start - 1))) {
                return operand(tokens, start - 2);
            }
            if (end + 1 < tokens.size() && isComparison(tokens.get(end))) {
                return name(tokens, end + 1);
            }
            int call = enclosingCall(tokens, start);
            if (call < 0) {
                return null;
            }
            start = call;
            end = skipCasts(tokens, closing(tokens, call + 1) + 1);
        }
        return null;
    }

    /** The column left of a comparison: {@code password}, or the one inside {@code lower(password)}. */
    private static String operand(List<Token> tokens, int i) {
        if (tokens.get(i).isPunct(")") && i >= 2) {
            return name(tokens, i - 1);
        }
        return name(tokens, i);
    }

    /** The index after {@code ::type} casts starting at {@code i} (a type of one or two words, with a typmod). */
    private static int skipCasts(List<Token> tokens, int i) {
        while (i + 1 < tokens.size() && tokens.get(i).isPunct("::") && SqlStructure.isName(tokens.get(i + 1))) {
            i += 2;
            if (i < tokens.size() && (tokens.get(i).isWord("precision") || tokens.get(i).isWord("varying"))) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).isPunct("(")) {
                i = closing(tokens, i) + 1;
            }
        }
        return i;
    }

    /**
     * The index of the function name (or {@code CAST}) whose argument list contains token {@code i}, or -1 when
     * {@code i} is not inside a call.
     */
    private static int enclosingCall(List<Token> tokens, int i) {
        int depth = 0;
        for (int j = i - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.isPunct(")")) {
                depth++;
            } else if (t.isPunct("(")) {
                if (depth-- == 0) {
                    boolean call = j >= 1 && SqlStructure.isName(tokens.get(j - 1))
                            && (tokens.get(j - 1).isWord("CAST") || !isKeyword(tokens.get(j - 1)));
                    return call ? j - 1 : -1;
                }
            } else if (depth == 0 && t.kind() == Kind.WORD && isKeyword(t) && !t.isWord("AS")) {
                return -1; // AND, WHERE, SET...: the value is not inside a call
            }
        }
        return -1;
    }

    private static boolean isKeyword(Token t) {
        return t.kind() == Kind.WORD && SqlNormalizer.KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT));
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

package dev.pgtestkit.sync.internal.restore;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** Splits a script into statements at top-level semicolons (strings, dollar quotes and comments respected). */
final class Statements {

    private Statements() {
    }

    /** The statements, or the whole script as one when it has a {@code BEGIN ATOMIC} body (semicolons inside). */
    static List<String> split(String script) {
        List<Token> tokens = SqlLexer.tokenize(script, false);
        if (tokens.stream().anyMatch(t -> t.isWord("atomic"))) {
            return script.isBlank() ? List.of() : List.of(script);
        }
        List<String> statements = new ArrayList<>();
        int start = -1;
        for (Token t : tokens) {
            if (start < 0) {
                start = t.start();
            }
            if (t.isPunct(";")) {
                statements.add(script.substring(start, t.end()));
                start = -1;
            }
        }
        if (start >= 0) {
            statements.add(script.substring(start));
        }
        return statements;
    }

    /** Whether a statement builds an index (or a key backed by one) and can run beside others of its kind. */
    static boolean buildsIndex(String statement) {
        List<Token> t = SqlLexer.tokenize(statement, false);
        if (t.size() > 2 && t.get(0).isWord("create") && (t.get(1).isWord("index") || (t.get(1).isWord("unique")
                && t.get(2).isWord("index")))) {
            return true;
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).isWord("add") && (t.get(i + 1).isWord("primary") || t.get(i + 1).isWord("unique")
                    || (t.get(i + 1).isWord("constraint") && i + 3 < t.size() && (t.get(i + 3).isWord("primary")
                    || t.get(i + 3).isWord("unique"))))) {
                return t.get(0).isWord("alter");
            }
        }
        return false;
    }

    /**
     * The table an index-building statement (see {@link #buildsIndex}) is on, as written ({@code public.orders},
     * {@code "Sales"."Orders"}), or {@code null} when it cannot be told.
     */
    static String indexedTable(String statement) {
        List<Token> t = SqlLexer.tokenize(statement, false);
        int i;
        if (t.size() > 2 && t.get(0).isWord("alter") && t.get(1).isWord("table")) {
            i = 2;
        } else {
            i = 0;
            while (i < t.size() && !t.get(i).isWord("on")) {
                i++;
            }
            i++;
        }
        return nameAt(statement, t, i);
    }

    /** A foreign key a restore adds {@code NOT VALID} and validates later, in parallel with the others. */
    record ForeignKey(String table, String name, String statement) {
        /** The statement with {@code NOT VALID}: it only records the key, without reading a row. */
        String addNotValid() {
            String body = statement.strip();
            if (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1);
            }
            return body + " NOT VALID;";
        }

        String validate() {
            return "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + ";";
        }
    }

    /**
     * {@code ALTER TABLE [ONLY] t ADD CONSTRAINT c FOREIGN KEY ...} that is to be validated (not already
     * {@code NOT VALID}), or {@code null} for any other statement.
     */
    static ForeignKey foreignKey(String statement) {
        List<Token> t = SqlLexer.tokenize(statement, false);
        if (t.size() < 8 || !t.get(0).isWord("alter") || !t.get(1).isWord("table")) {
            return null;
        }
        String table = nameAt(statement, t, 2);
        int i = 2 + (t.get(2).isWord("only") ? 1 : 0);
        while (i < t.size() && !t.get(i).isWord("add")) {
            i++;
        }
        if (table == null || i + 4 >= t.size() || !t.get(i + 1).isWord("constraint") || !t.get(i + 3).isWord("foreign")
                || !t.get(i + 4).isWord("key")) {
            return null;
        }
        int last = t.size() - 1;
        if (t.get(last).isPunct(";")) {
            last--;
        }
        for (int j = i + 5; j < last; j++) {
            if (t.get(j).isPunct(";")) {
                return null; // more than one statement
            }
        }
        if (last > 0 && t.get(last).isWord("valid") && t.get(last - 1).isWord("not")) {
            return null;
        }
        Token name = t.get(i + 2);
        return new ForeignKey(table, name.text(), statement);
    }

    /** The (possibly qualified) name starting at token {@code i}, skipping {@code ONLY}; null when there is none. */
    private static String nameAt(String statement, List<Token> t, int i) {
        int first = i < t.size() && t.get(i).isWord("only") ? i + 1 : i;
        if (first >= t.size() || !isName(t.get(first))) {
            return null;
        }
        int last = first;
        while (last + 2 < t.size() && t.get(last + 1).isPunct(".") && isName(t.get(last + 2))) {
            last += 2;
        }
        return statement.substring(t.get(first).start(), t.get(last).end());
    }

    private static boolean isName(Token token) {
        return token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.QUOTED_IDENT;
    }
}

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
}

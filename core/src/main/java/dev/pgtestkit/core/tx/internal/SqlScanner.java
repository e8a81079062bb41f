package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the leading keywords of each statement in a SQL string with core's {@link SqlLexer} (which skips comments,
 * string literals, quoted identifiers and dollar-quoted bodies) and classifies the string with
 * {@link SqlClassifier}. Strings without a semicolon (the common case) are read only up to their first keywords, so
 * checking costs far less than a round trip.
 */
public final class SqlScanner {

    /**
     * Enough keywords for {@code ALTER TABLE ONLY s.t DETACH PARTITION s.p CONCURRENTLY} and for
     * {@code SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY, NOT DEFERRABLE}.
     */
    private static final int MAX_WORDS = 16;

    private final SqlLexer lexer;
    private boolean atEnd;

    private SqlScanner(String sql, boolean standardConformingStrings) {
        this.lexer = SqlLexer.of(sql, true, standardConformingStrings);
    }

    /** Classifies a SQL string of one or more statements; {@code null} or blank is ordinary. */
    public static SqlCommand classify(String sql) {
        return classify(sql, true);
    }

    /**
     * Classifies SQL a session runs with the given {@code standard_conforming_strings}: with it off, {@code 'a\''}
     * is one string, and a {@code COMMIT} after it is a statement.
     */
    public static SqlCommand classify(String sql, boolean standardConformingStrings) {
        if (sql == null) {
            return SqlCommand.ORDINARY;
        }
        SqlScanner scanner = new SqlScanner(sql, standardConformingStrings);
        if (sql.indexOf(';') < 0) {
            return SqlClassifier.classify(scanner.nextStatement(false));
        }
        return classifyAll(scanner);
    }

    /** The leading keywords (upper case) of every statement in the string; for tests and messages. */
    public static List<List<String>> statements(String sql) {
        SqlScanner scanner = new SqlScanner(sql, true);
        List<List<String>> result = new ArrayList<>();
        while (!scanner.atEnd) {
            List<String> words = scanner.nextStatement(true);
            if (!words.isEmpty()) {
                result.add(words);
            }
        }
        return result;
    }

    /** The transaction modes of a single {@code BEGIN} or {@code SET TRANSACTION} statement. */
    static TransactionModes modes(String sql) {
        List<List<String>> statements = statements(sql);
        return statements.isEmpty() ? TransactionModes.NONE : TransactionModes.of(statements.get(0));
    }

    private static SqlCommand classifyAll(SqlScanner scanner) {
        int count = 0;
        SqlCommand control = null;
        while (!scanner.atEnd) {
            List<String> words = scanner.nextStatement(true);
            if (words.isEmpty()) {
                continue;
            }
            count++;
            SqlCommand command = SqlClassifier.classify(words);
            if (command.kind() == SqlCommand.Kind.NOT_IN_TRANSACTION) {
                return command;
            }
            if (command.isTransactionControl() && control == null) {
                control = command;
            }
        }
        if (control == null) {
            return SqlCommand.ORDINARY;
        }
        return count == 1 ? control : new SqlCommand(SqlCommand.Kind.CONTROL_IN_BATCH, control.command());
    }

    /** Reads up to MAX_WORDS keywords of the next statement; with toEnd, then reads on to just past its semicolon. */
    private List<String> nextStatement(boolean toEnd) {
        List<String> words = new ArrayList<>(4);
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.isPunct(";")) {
                return words;
            }
            if (token.kind() != Token.Kind.WORD) {
                continue;
            }
            if (words.size() < MAX_WORDS) {
                words.add(token.text().toUpperCase(Locale.ROOT));
            }
            boolean decided = words.size() == MAX_WORDS || !SqlClassifier.mayNeedMoreWords(words.get(0));
            if (decided && !toEnd) {
                return words;
            }
        }
        atEnd = true;
        return words;
    }
}

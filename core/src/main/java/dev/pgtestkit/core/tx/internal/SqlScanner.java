package dev.pgtestkit.core.tx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the leading keywords of each statement in a SQL string, skipping comments, string literals, quoted
 * identifiers and dollar-quoted bodies, and classifies the string with {@link SqlClassifier}. Strings without a
 * semicolon (the common case) are read only up to their first keywords, so checking costs far less than a
 * round trip.
 */
public final class SqlScanner {

    /** Enough keywords for {@code ALTER TABLE ONLY s.t DETACH PARTITION s.p CONCURRENTLY}. */
    private static final int MAX_WORDS = 10;

    private final String sql;
    private int pos;

    private SqlScanner(String sql) {
        this.sql = sql;
    }

    /** Classifies a SQL string of one or more statements; {@code null} or blank is ordinary. */
    public static SqlCommand classify(String sql) {
        if (sql == null) {
            return SqlCommand.ORDINARY;
        }
        SqlScanner scanner = new SqlScanner(sql);
        if (sql.indexOf(';') < 0) {
            return SqlClassifier.classify(scanner.nextStatement(false));
        }
        return classifyAll(scanner);
    }

    /** The leading keywords (upper case) of every statement in the string; for tests and messages. */
    public static List<List<String>> statements(String sql) {
        SqlScanner scanner = new SqlScanner(sql);
        List<List<String>> result = new ArrayList<>();
        while (scanner.pos < sql.length()) {
            List<String> words = scanner.nextStatement(true);
            if (!words.isEmpty()) {
                result.add(words);
            }
        }
        return result;
    }

    private static SqlCommand classifyAll(SqlScanner scanner) {
        int count = 0;
        SqlCommand control = null;
        while (scanner.pos < scanner.sql.length()) {
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

    /** Reads up to MAX_WORDS keywords of the next statement; with toEnd, then skips to just past its semicolon. */
    private List<String> nextStatement(boolean toEnd) {
        List<String> words = new ArrayList<>(4);
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == ';') {
                pos++;
                return words;
            }
            if (isWordStart(c)) {
                String word = readWord();
                if (words.size() < MAX_WORDS) {
                    words.add(word);
                }
                boolean decided = words.size() == MAX_WORDS || !SqlClassifier.mayNeedMoreWords(words.get(0));
                if (decided && !toEnd) {
                    return words;
                }
            } else {
                skipNonWord(c);
            }
        }
        return words;
    }

    private String readWord() {
        int start = pos;
        while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
            pos++;
        }
        String word = sql.substring(start, pos);
        // E'...' strings use backslash escapes: read the literal here so an escaped quote cannot end it early.
        if (pos < sql.length() && sql.charAt(pos) == '\'' && word.equalsIgnoreCase("E")) {
            skipQuoted('\'', true);
            return "'";
        }
        return word.toUpperCase(Locale.ROOT);
    }

    private void skipNonWord(char c) {
        if (c == '\'' || c == '"') {
            skipQuoted(c, false);
        } else if (c == '-' && peek(1) == '-') {
            int end = sql.indexOf('\n', pos);
            pos = end < 0 ? sql.length() : end + 1;
        } else if (c == '/' && peek(1) == '*') {
            skipBlockComment();
        } else if (c == '$' && dollarTagLength() > 0) {
            skipDollarQuoted();
        } else if (Character.isDigit(c)) {
            while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
                pos++;
            }
        } else {
            pos++;
        }
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (backslashEscapes && c == '\\') {
                pos++;
            } else if (c == quote) {
                if (pos < sql.length() && sql.charAt(pos) == quote) {
                    pos++;
                } else {
                    return;
                }
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    /** Length of a dollar-quote tag ({@code $$}, {@code $body$}) starting at pos, or 0 when there is none. */
    private int dollarTagLength() {
        int i = pos + 1;
        while (i < sql.length() && sql.charAt(i) != '$') {
            char c = sql.charAt(i);
            boolean tagChar = Character.isLetter(c) || c == '_' || (i > pos + 1 && Character.isDigit(c));
            if (!tagChar) {
                return 0;
            }
            i++;
        }
        return i < sql.length() ? i - pos + 1 : 0;
    }

    private void skipDollarQuoted() {
        String tag = sql.substring(pos, pos + dollarTagLength());
        int end = sql.indexOf(tag, pos + tag.length());
        pos = end < 0 ? sql.length() : end + tag.length();
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}

package dev.pgtestkit.core.sql;

import dev.pgtestkit.core.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL-aware SQL lexer: comments (nested block comments too), standard and {@code E''} strings, bit/hex and
 * Unicode strings, dollar quotes with tags, quoted identifiers, {@code $n} parameters, numbers (with exponents, PG 16
 * underscores and {@code 0x} forms) and operators following the server's rules (an operator ends before {@code --}
 * or {@code /*}; a trailing {@code +}/{@code -} is split off unless the operator contains {@code ~!@#%^&|`?}).
 *
 * <p>In JDBC mode a lone {@code ?} is a placeholder and {@code ??} is the escaped operator character, as PgJDBC
 * reads prepared SQL; in plain mode {@code ?} is always an operator character (JSON {@code ?}, {@code ?|}, {@code ?&}).
 * Never throws: unterminated constructs run to the end of the input. Whitespace and comments are skipped.
 *
 * <p>By default plain strings follow {@code standard_conforming_strings = on} (the server's default since 9.1): a
 * backslash is an ordinary character. A session that turned it off reads {@code 'a\''} as one string; lex such SQL
 * with {@link #of(String, boolean, boolean)}.
 *
 * <p>{@link #tokenize} reads a whole string; {@link #of} reads it token by token, for callers that only need the
 * first words of a statement. An instance is not thread-safe.
 */
public final class SqlLexer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
    private static final String OPERATOR_SPECIALS = "~!@#%^&|`?";

    private final String sql;
    private final boolean jdbc;
    private final boolean backslashEscapes;
    private int pos;

    private SqlLexer(String sql, boolean jdbc, boolean standardConformingStrings) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.backslashEscapes = !standardConformingStrings;
    }

    /** Every token of {@code sql}; {@code jdbc} reads {@code ?} as a placeholder (PgJDBC's prepared SQL). */
    public static List<Token> tokenize(String sql, boolean jdbc) {
        SqlLexer lexer = of(sql, jdbc);
        List<Token> tokens = new ArrayList<>();
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            tokens.add(token);
        }
        return tokens;
    }

    /** A lexer positioned at the start of {@code sql}, read with {@link #next()}. */
    public static SqlLexer of(String sql, boolean jdbc) {
        return new SqlLexer(sql, jdbc, true);
    }

    /**
     * A lexer for SQL a session runs with the given {@code standard_conforming_strings}: when it is off, a backslash
     * escapes the next character in plain (and {@code N''}) strings too, as in {@code E''} strings.
     */
    public static SqlLexer of(String sql, boolean jdbc, boolean standardConformingStrings) {
        return new SqlLexer(sql, jdbc, standardConformingStrings);
    }

    /** The next token, or {@code null} at the end of the input. */
    public Token next() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else {
                return readToken(c);
            }
        }
        return null;
    }

    private Token readToken(char c) {
        int start = pos;
        if (c == '\'') {
            return readQuoted(start, '\'', backslashEscapes);
        } else if (c == '"') {
            return readQuotedIdentifier(start);
        } else if (c == '$') {
            return readDollar(start);
        } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            return readNumber(start);
        } else if (isWordStart(c)) {
            return readWord(start);
        } else if (c == '?' && jdbc && peek(1) != '?') {
            pos++;
            return token(Kind.JDBC_PARAM, start, "?");
        } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
            return readOperator(start);
        } else if (c == ':' && peek(1) == ':') {
            pos += 2;
            return token(Kind.PUNCT, start, "::");
        } else {
            pos++;
            return token(Kind.PUNCT, start, String.valueOf(c));
        }
    }

    private void skipLineComment() {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            pos++;
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

    /** A quoted string from the opening quote at {@code pos}; {@code escapes} honours backslashes (E''). */
    private Token readQuoted(int start, char quote, boolean escapes) {
        pos++;
        while (pos < sql.length()) {
            char ch = sql.charAt(pos);
            if (escapes && ch == '\\') {
                pos += 2;
            } else if (ch == quote && peek(1) == quote) {
                pos += 2;
            } else if (ch == quote) {
                pos++;
                break;
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, sql.length());
        return token(Kind.STRING, start, sql.substring(start, pos));
    }

    private Token readQuotedIdentifier(int start) {
        pos++;
        while (pos < sql.length()) {
            if (sql.charAt(pos) == '"' && peek(1) == '"') {
                pos += 2;
            } else if (sql.charAt(pos++) == '"') {
                break;
            }
        }
        return token(Kind.QUOTED_IDENT, start, sql.substring(start, pos));
    }

    private Token readDollar(int start) {
        if (isDigit(peek(1))) {
            pos++;
            while (isDigit(peek(0))) {
                pos++;
            }
            return token(Kind.DOLLAR_PARAM, start, sql.substring(start, pos));
        }
        int tagEnd = pos + 1;
        while (tagEnd < sql.length() && isWordPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
            tagEnd++;
        }
        if (tagEnd < sql.length() && sql.charAt(tagEnd) == '$' && !isDigit(peek(1))) {
            String tag = sql.substring(pos, tagEnd + 1);
            int close = sql.indexOf(tag, tagEnd + 1);
            pos = close < 0 ? sql.length() : close + tag.length();
            return token(Kind.STRING, start, sql.substring(start, pos));
        } else {
            pos++;
            return token(Kind.PUNCT, start, "$");
        }
    }

    private Token readNumber(int start) {
        if (peek(0) == '0' && "xXoObB".indexOf(peek(1)) >= 0 && isHexDigit(peek(2))) {
            pos += 2;
            while (isHexDigit(peek(0)) || peek(0) == '_') {
                pos++;
            }
        } else {
            skipDigits();
            if (peek(0) == '.' && peek(1) != '.') {
                pos++;
                skipDigits();
            }
            if ((peek(0) == 'e' || peek(0) == 'E')
                    && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
                pos += 2;
                skipDigits();
            }
        }
        return token(Kind.NUMBER, start, sql.substring(start, pos));
    }

    private void skipDigits() {
        while (isDigit(peek(0)) || (peek(0) == '_' && isDigit(peek(1)))) {
            pos++;
        }
    }

    private Token readWord(int start) {
        pos++;
        while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
            pos++;
        }
        String word = sql.substring(start, pos);
        if (peek(0) == '\'' && word.length() == 1 && "eEbBxXnN".indexOf(word.charAt(0)) >= 0) {
            boolean escapes = word.equalsIgnoreCase("e") || (backslashEscapes && word.equalsIgnoreCase("n"));
            return readQuoted(start, '\'', escapes);
        } else if (word.equalsIgnoreCase("u") && peek(0) == '&' && peek(1) == '\'') {
            pos++;
            return readQuoted(start, '\'', false);
        } else {
            return token(Kind.WORD, start, word);
        }
    }

    private Token readOperator(int start) {
        StringBuilder op = new StringBuilder();
        while (pos < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(pos)) >= 0) {
            char ch = sql.charAt(pos);
            if (op.length() > 0 && (sql.startsWith("--", pos) || sql.startsWith("/*", pos))) {
                break;
            }
            if (ch == '?' && jdbc) {
                if (peek(1) != '?') {
                    break;
                }
                pos++;
            }
            op.append(ch);
            pos++;
        }
        int drop = trailingSignsToDrop(op);
        pos -= drop;
        op.setLength(op.length() - drop);
        return token(Kind.OPERATOR, start, op.toString());
    }

    /** Postgres splits a trailing + or - off a multi-character operator made only of {@code + - * / < > =}. */
    private static int trailingSignsToDrop(CharSequence op) {
        for (int i = 0; i < op.length(); i++) {
            if (OPERATOR_SPECIALS.indexOf(op.charAt(i)) >= 0) {
                return 0;
            }
        }
        int drop = 0;
        while (op.length() - drop > 1 && "+-".indexOf(op.charAt(op.length() - 1 - drop)) >= 0) {
            drop++;
        }
        return drop;
    }

    private Token token(Kind kind, int start, String text) {
        return new Token(kind, start, pos, text);
    }

    private char peek(int offset) {
        int i = pos + offset;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '$';
    }
}

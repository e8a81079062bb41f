package dev.pgtestkit.mock.internal.check;

import dev.pgtestkit.mock.internal.check.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression printed by {@code pg_get_constraintdef} into tokens. */
final class Tokenizer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String src;
    private int pos;

    private Tokenizer(String src) {
        this.src = src;
    }

    /** @throws IllegalArgumentException on an unterminated literal or a character no expression uses */
    static List<Token> tokenize(String src) {
        Tokenizer t = new Tokenizer(src);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = t.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        if (pos >= src.length()) {
            return new Token(Kind.END, "", pos, pos);
        }
        char c = src.charAt(pos);
        if (c == '\'') {
            return quoted('\'', Kind.STRING, pos);
        }
        if ((c == 'E' || c == 'e') && pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
            return escapeString();
        }
        if (c == '"') {
            return quoted('"', Kind.QUOTED_IDENT, pos);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return identifier();
        }
        return symbol(c);
    }

    private Token quoted(char quote, Kind kind, int start) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw new IllegalArgumentException("unterminated " + quote + " literal at " + start);
            }
            char c = src.charAt(pos++);
            if (c == quote) {
                if (pos < src.length() && src.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                    continue;
                }
                return new Token(kind, sb.toString(), start, pos);
            }
            sb.append(c);
        }
    }

    /** {@code E'...'}: backslash escapes of the common single-character kind. */
    private Token escapeString() {
        int start = pos;
        pos++;
        Token raw = quoted('\'', Kind.STRING, pos);
        String text = raw.text().replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
                .replace("\\'", "'").replace("\\\\", "\\");
        return new Token(Kind.STRING, text, start, raw.end());
    }

    private Token number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        return new Token(Kind.NUMBER, src.substring(start, pos), start, pos);
    }

    private Token identifier() {
        int start = pos;
        while (pos < src.length()
                && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '$')) {
            pos++;
        }
        return new Token(Kind.IDENT, src.substring(start, pos), start, pos);
    }

    private Token symbol(char c) {
        int start = pos;
        if (c == ':' && pos + 1 < src.length() && src.charAt(pos + 1) == ':') {
            pos += 2;
            return new Token(Kind.PUNCT, "::", start, pos);
        }
        if ("(),[].:;".indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.PUNCT, String.valueOf(c), start, pos);
        }
        if (OPERATOR_CHARS.indexOf(c) < 0) {
            throw new IllegalArgumentException("unexpected character '" + c + "' at " + start);
        }
        while (pos < src.length() && OPERATOR_CHARS.indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
        return new Token(Kind.OPERATOR, src.substring(start, pos), start, pos);
    }
}

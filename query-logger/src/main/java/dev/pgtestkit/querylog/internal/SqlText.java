package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.RedactionRules;
import java.util.ArrayList;
import java.util.List;

/** Rewrites of SQL text that keep everything but the tokens they change. */
final class SqlText {

    private SqlText() {
    }

    /** The values of the constants of secret columns ({@code 'it''s'} gives {@code it's}). */
    static List<String> secretConstants(List<Token> tokens, String[] columns, RedactionRules rules) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if ((t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) && rules.isSecret(columns[i])) {
                values.add(t.kind() == Kind.NUMBER ? t.text() : constantValue(t.text()));
            }
        }
        return values;
    }

    /** The value of a string constant: quotes, prefixes and doubled quotes undone, simple backslash escapes of E''. */
    static String constantValue(String token) {
        if (token.startsWith("$")) {
            int tagEnd = token.indexOf('$', 1) + 1;
            return token.length() >= 2 * tagEnd ? token.substring(tagEnd, token.length() - tagEnd) : token;
        }
        boolean escapes = token.startsWith("E'") || token.startsWith("e'");
        int open = token.indexOf('\'');
        String inner = token.substring(open + 1, token.endsWith("'") && token.length() > open + 1
                ? token.length() - 1 : token.length()).replace("''", "'");
        return escapes ? inner.replace("\\'", "'").replace("\\\\", "\\") : inner;
    }

    /** {@code sql} with the constants of secret columns replaced by {@code '***'}; the same instance if none. */
    static String redactConstants(String sql, List<Token> tokens, String[] columns, RedactionRules rules) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean constant = t.kind() == Kind.STRING || t.kind() == Kind.NUMBER;
            if (constant && rules.isSecret(columns[i])) {
                out = out == null ? new StringBuilder(sql.length()) : out;
                out.append(sql, copied, t.start()).append('\'').append(QueryEvent.REDACTED).append('\'');
                copied = t.end();
            }
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    /**
     * JDBC SQL in the server's own syntax: placeholders numbered {@code $1, $2...}, escaped {@code ??} operators
     * back to {@code ?}. Comments and spacing are kept.
     */
    static String toServerSyntax(String jdbcSql) {
        List<Token> tokens = SqlLexer.tokenize(jdbcSql, true);
        StringBuilder out = new StringBuilder(jdbcSql.length() + 8);
        int copied = 0;
        int ordinal = 0;
        for (Token t : tokens) {
            if (t.kind() == Kind.JDBC_PARAM) {
                out.append(jdbcSql, copied, t.start()).append('$').append(++ordinal);
                copied = t.end();
            } else if (t.kind() == Kind.OPERATOR && t.text().indexOf('?') >= 0) {
                out.append(jdbcSql, copied, t.start()).append(t.text());
                copied = t.end();
            }
        }
        return out.append(jdbcSql, copied, jdbcSql.length()).toString();
    }
}

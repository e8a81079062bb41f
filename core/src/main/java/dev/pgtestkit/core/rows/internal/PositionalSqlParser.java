package dev.pgtestkit.core.rows.internal;

import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi parser for the SQL the row API generates: {@code ?} outside quoted identifiers and string literals is a
 * positional parameter, nothing else is special. Jdbi's default parser (an ANTLR lexer looking for named
 * parameters) was the largest cost of a multi-row insert; generated SQL never has named parameters.
 */
final class PositionalSqlParser implements SqlParser {

    static final PositionalSqlParser INSTANCE = new PositionalSqlParser();

    private PositionalSqlParser() {
    }

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql.Builder parsed = ParsedSql.builder();
        char quote = 0;
        int chunkStart = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;  // a doubled quote closes and reopens: same outcome
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '?') {
                parsed.append(sql.substring(chunkStart, i)).appendPositionalParameter();
                chunkStart = i + 1;
            }
        }
        return parsed.append(sql.substring(chunkStart)).build();
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        throw new UnsupportedOperationException("generated SQL has positional parameters only");
    }
}

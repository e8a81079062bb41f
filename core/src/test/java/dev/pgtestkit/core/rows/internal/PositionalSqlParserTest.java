package dev.pgtestkit.core.rows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jdbi.v3.core.statement.ParsedSql;
import org.junit.jupiter.api.Test;

class PositionalSqlParserTest {

    private static ParsedSql parse(String sql) {
        return PositionalSqlParser.INSTANCE.parse(sql, null);
    }

    @Test
    void questionMarksAreParameters() {
        ParsedSql parsed = parse("SELECT * FROM \"t\" WHERE \"a\" = CAST(? AS int4) LIMIT ?");

        assertThat(parsed.getParameters().getParameterCount()).isEqualTo(2);
        assertThat(parsed.getParameters().isPositional()).isTrue();
        assertThat(parsed.getSql()).isEqualTo("SELECT * FROM \"t\" WHERE \"a\" = CAST(? AS int4) LIMIT ?");
    }

    @Test
    void questionMarksInQuotedIdentifiersAndLiteralsAreText() {
        ParsedSql parsed = parse("UPDATE \"why?\" SET \"say \"\"?\"\"\" = ? WHERE note = 'really?' AND x = ?");

        assertThat(parsed.getParameters().getParameterCount()).isEqualTo(2);
    }

    @Test
    void namedLookingTextIsNotAParameter() {
        assertThat(parse("INSERT INTO \"a:b\" (\"c\") VALUES (CAST(? AS \"pg_catalog\".\"time\"))")
                .getParameters().getParameterCount()).isEqualTo(1);
    }
}

package dev.pgtestkit.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.sql.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> texts(String sql, boolean jdbc) {
        return SqlLexer.tokenize(sql, jdbc).stream().map(Token::text).toList();
    }

    @Test
    void skipsLineAndNestedBlockComments() {
        assertThat(texts("SELECT /* a /* nested */ still comment */ 1 -- tail; DROP\n, 2", false))
                .containsExactly("SELECT", "1", ",", "2");
    }

    @Test
    void readsEveryFormOfStringConstantAsOneToken() {
        List<Token> tokens = SqlLexer.tokenize("SELECT 'it''s', E'a\\'b;', $$x; y$$, $body$ $$ $body$, B'01', "
                + "U&'\\0041', X'ff'", false);
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.STRING).extracting(Token::text).containsExactly(
                "'it''s'", "E'a\\'b;'", "$$x; y$$", "$body$ $$ $body$", "B'01'", "U&'\\0041'", "X'ff'");
    }

    @Test
    void followsStandardConformingStringsWhenTold() {
        String sql = "SELECT 'a\\''; COMMIT; SELECT N'b\\'' -- '";
        List<Token> off = new java.util.ArrayList<>();
        SqlLexer lexer = SqlLexer.of(sql, false, false);
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            off.add(token);
        }
        assertThat(off).extracting(Token::text).containsExactly("SELECT", "'a\\''", ";", "COMMIT", ";", "SELECT",
                "N'b\\''");
        assertThat(texts(sql, false)).doesNotContain("COMMIT");
        assertThat(SqlLexer.of("'a\\' x", false, true).next().text()).isEqualTo("'a\\'");
    }

    @Test
    void tellsQuotedIdentifiersParametersAndNumbersApart() {
        List<Token> tokens = SqlLexer.tokenize("SELECT \"Mixed \"\"Case\"\"\", $1, ?, 1.5e-3, 0x1F, 1_000 FROM t",
                true);
        assertThat(tokens).extracting(Token::kind).containsExactly(Kind.WORD, Kind.QUOTED_IDENT, Kind.PUNCT,
                Kind.DOLLAR_PARAM, Kind.PUNCT, Kind.JDBC_PARAM, Kind.PUNCT, Kind.NUMBER, Kind.PUNCT, Kind.NUMBER,
                Kind.PUNCT, Kind.NUMBER, Kind.WORD, Kind.WORD);
    }

    @Test
    void questionMarkIsAnOperatorOutsideJdbcMode() {
        assertThat(SqlLexer.tokenize("doc ? 'k'", false).get(1).kind()).isEqualTo(Kind.OPERATOR);
        assertThat(SqlLexer.tokenize("doc ? 'k'", true).get(1).kind()).isEqualTo(Kind.JDBC_PARAM);
        assertThat(texts("doc ??| array['k']", true)).startsWith("doc", "?|");
    }

    @Test
    void unterminatedConstructsRunToTheEnd() {
        assertThat(texts("SELECT 'open", false)).containsExactly("SELECT", "'open");
        assertThat(texts("SELECT $$open", false)).containsExactly("SELECT", "$$open");
        assertThat(texts("SELECT /* open", false)).containsExactly("SELECT");
    }

    @Test
    void readsTokenByTokenWithSpans() {
        SqlLexer lexer = SqlLexer.of("  VACUUM  accounts", false);
        Token first = lexer.next();
        assertThat(first).isEqualTo(new Token(Kind.WORD, 2, 8, "VACUUM"));
        assertThat(lexer.next().text()).isEqualTo("accounts");
        assertThat(lexer.next()).isNull();
        assertThat(lexer.next()).isNull();
    }
}

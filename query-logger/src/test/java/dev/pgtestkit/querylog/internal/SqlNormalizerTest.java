package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import org.junit.jupiter.api.Test;

class SqlNormalizerTest {

    private static String plain(String sql) {
        return SqlNormalizer.normalize(SqlLexer.tokenize(sql, false));
    }

    private static String jdbc(String sql) {
        return SqlNormalizer.normalize(SqlLexer.tokenize(sql, true));
    }

    @Test
    void replacesConstantsAndFoldsCaseWhitespaceAndComments() {
        assertThat(plain("select  *\n from Users -- who\n where ID = 42 /* the answer */ and name = 'bob';"))
                .isEqualTo("SELECT * FROM users WHERE id = ? AND name = ?");
        assertThat(plain("SELECT * FROM users WHERE id = 7 AND name = 'alice'"))
                .isEqualTo(plain("select * from users where id=7 and name='alice'"));
    }

    @Test
    void stringsContainingQuestionMarksAndDashesAreOneConstant() {
        assertThat(jdbc("SELECT * FROM t WHERE a = 'is it? -- no /* */' AND b = ?"))
                .isEqualTo("SELECT * FROM t WHERE a = ? AND b = ?");
        assertThat(plain("SELECT 'it''s ? here', \"odd\"\"col\" FROM t"))
                .isEqualTo("SELECT ?, \"odd\"\"col\" FROM t");
    }

    @Test
    void understandsDollarQuotesEscapeStringsAndPrefixedConstants() {
        assertThat(plain("SELECT $$it's -- ?$$, $fn$ body ' $fn$, E'it\\'s', B'101', X'ff', U&'d\\0061t', 1.5e3"))
                .isEqualTo("SELECT ?, ?, ?, ?, ?, ?, ?");
    }

    @Test
    void keepsDollarParametersCastsAndPositionalOrderBy() {
        assertThat(plain("SELECT a, b FROM t WHERE id = $1 AND d > '2020-01-01'::date ORDER BY 2 DESC, 1 LIMIT 10"))
                .isEqualTo("SELECT a, b FROM t WHERE id = $1 AND d > ?::date ORDER BY 2 DESC, 1 LIMIT ?");
        assertThat(plain("SELECT count(*) FROM t GROUP BY 1 HAVING count(*) > 3"))
                .isEqualTo("SELECT count(*) FROM t GROUP BY 1 HAVING count(*) > ?");
    }

    @Test
    void quotesThatChangeNothingAreDropped() {
        assertThat(plain("SELECT \"id\", \"Name\", \"select\" FROM \"users\""))
                .isEqualTo("SELECT id, \"Name\", \"select\" FROM users");
    }

    @Test
    void signedNumbersAreOneConstantButSubtractionStays() {
        assertThat(plain("SELECT a - 5, -3 FROM t WHERE b = -7 AND c IN (-1, 2)"))
                .isEqualTo("SELECT a - ?, ? FROM t WHERE b = ? AND c IN (?)");
    }

    @Test
    void collapsesInListsArraysAndMultiRowValues() {
        assertThat(plain("SELECT * FROM t WHERE id IN (1, 2, 3) AND tag = ANY(ARRAY['a', 'b'])"))
                .isEqualTo(jdbc("select * from t where id in (?, ?) and tag = any(array[?])"));
        assertThat(plain("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z') RETURNING id"))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?, ?) RETURNING id");
        assertThat(plain("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE x = 1)"))
                .isEqualTo("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE x = ?)");
    }

    @Test
    void jsonOperatorsAreWrittenJdbcEscapedInBothModes() {
        String plainSql = "SELECT data->>'name', data -> 'a' FROM t WHERE data ? 'k' AND data ?| array['a'] AND data ?& '{b}'";
        String jdbcSql = "SELECT data->>?, data -> ? FROM t WHERE data ?? ? AND data ??| array[?] AND data ??& ?";
        assertThat(plain(plainSql))
                .isEqualTo("SELECT data ->> ?, data -> ? FROM t WHERE data ?? ? AND data ??| ARRAY[?] AND data ??& ?")
                .isEqualTo(jdbc(jdbcSql));
        assertThat(plain("SELECT data @> '{\"a\":1}'::jsonb, data #>> '{a,b}' FROM t"))
                .isEqualTo("SELECT data @> ?::jsonb, data #>> ? FROM t");
    }

    @Test
    void operatorsFollowTheServerRules() {
        assertThat(SqlLexer.tokenize("a=-5", false)).extracting(Token::text).containsExactly("a", "=", "-", "5");
        assertThat(SqlLexer.tokenize("a @- b", false)).extracting(Token::text).containsExactly("a", "@-", "b");
        assertThat(SqlLexer.tokenize("a<>b--c", false)).extracting(Token::text).containsExactly("a", "<>", "b");
        assertThat(SqlLexer.tokenize("a ??| ?", true)).extracting(Token::text).containsExactly("a", "?|", "?");
    }

    @Test
    void neverThrowsOnUnterminatedInput() {
        assertThat(plain("SELECT 'open")).isEqualTo("SELECT ?");
        assertThat(plain("SELECT $$open")).isEqualTo("SELECT ?");
        assertThat(plain("SELECT /* /* nested */ still comment */ 1")).isEqualTo("SELECT ?");
        assertThat(plain("SELECT \"open")).isEqualTo("SELECT \"open");
        assertThat(plain("")).isEmpty();
    }
}

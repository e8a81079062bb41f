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

    @Test
    void keepsPositionsOfAQuerysGroupByAndOrderByButNotOfAnAggregatesOrderBy() {
        assertThat(plain("SELECT a, b, count(*) FROM t GROUP BY 1 ORDER BY 3"))
                .isEqualTo("SELECT a, b, count(*) FROM t GROUP BY 1 ORDER BY 3")
                .isNotEqualTo(plain("SELECT a, b, count(*) FROM t GROUP BY 2 ORDER BY 3"));
        assertThat(plain("SELECT * FROM (SELECT a FROM t ORDER BY 1 DESC, 2) s GROUP BY 1, 2"))
                .isEqualTo("SELECT * FROM (SELECT a FROM t ORDER BY 1 DESC, 2) s GROUP BY 1, 2");
        assertThat(plain("SELECT string_agg(x, ',' ORDER BY 1) FROM t"))
                .isEqualTo("SELECT string_agg(x, ? ORDER BY ?) FROM t")
                .isEqualTo(plain("SELECT string_agg(x, ';' ORDER BY 2) FROM t"));
        assertThat(plain("SELECT rank() OVER (ORDER BY 1) FROM t")).isEqualTo("SELECT rank() OVER (ORDER BY ?) FROM t");
        assertThat(plain("SELECT a FROM t ORDER BY a + 1")).isEqualTo("SELECT a FROM t ORDER BY a + ?");
    }

    @Test
    void isTrueAndIsFalseAreSyntaxButComparedBooleansAreConstants() {
        assertThat(plain("SELECT * FROM t WHERE active IS TRUE")).isEqualTo("SELECT * FROM t WHERE active IS TRUE");
        assertThat(plain("SELECT * FROM t WHERE active IS NOT FALSE"))
                .isEqualTo("SELECT * FROM t WHERE active IS NOT FALSE");
        assertThat(plain("SELECT * FROM t WHERE active = true")).isEqualTo(plain("SELECT * FROM t WHERE active = false"))
                .isEqualTo("SELECT * FROM t WHERE active = ?");
    }

    @Test
    void quotesIdentifiersExactlyWhenTheServerNeedsIt() {
        assertThat(plain("SELECT \"user\" FROM t")).isEqualTo("SELECT \"user\" FROM t");
        assertThat(plain("SELECT user FROM t")).isEqualTo("SELECT USER FROM t");
        assertThat(plain("SELECT \"to\", \"from\", \"name\", \"Mixed\", \"a$b\", \"int\" FROM t"))
                .isEqualTo("SELECT \"to\", \"from\", name, \"Mixed\", \"a$b\", \"int\" FROM t");
        assertThat(plain("SELECT \"first\" FROM t")).isEqualTo(plain("SELECT first FROM t"));
    }

    @Test
    void aMinusBeforeACastIsAnOperatorAndAMinusBeforeAParenthesizedNumberASign() {
        assertThat(plain("SELECT -1::int")).isEqualTo("SELECT - ?").isNotEqualTo(plain("SELECT 1::int"));
        assertThat(plain("SELECT -(14), -14, - 3")).isEqualTo("SELECT ?, ?, ?");
    }

    @Test
    void constantsCastToTheSameTypeAreOneForm() {
        assertThat(plain("SELECT * FROM t WHERE id = '8'::int"))
                .isEqualTo(plain("SELECT * FROM t WHERE id = CAST('9' AS integer)"))
                .isEqualTo(plain("SELECT * FROM t WHERE id = 1"))
                .isEqualTo("SELECT * FROM t WHERE id = ?");
        assertThat(plain("SELECT DATE '2024-01-01'")).isEqualTo(plain("SELECT '2024-02-02'::date"))
                .isEqualTo("SELECT ?::date");
        assertThat(plain("SELECT INTERVAL '2' DAY")).isEqualTo(plain("SELECT '5 days'::interval"))
                .isEqualTo(plain("SELECT CAST('1 hour' AS interval hour)")).isEqualTo("SELECT ?::interval");
        assertThat(plain("SELECT '1'::bigint, CAST(2 AS int8), 3::double precision, '4'::timestamp with time zone"))
                .isEqualTo("SELECT ?::int8, ?::int4::int8, ?::int4::float8, ?::timestamptz");
        assertThat(plain("SELECT 1::bigint")).as("a conversion of an int4 constant, not an int8 constant")
                .isEqualTo(plain("SELECT CAST(7 AS int8)")).isNotEqualTo(plain("SELECT '1'::bigint"));
        assertThat(plain("SELECT '2024-01-01'::date")).isNotEqualTo(plain("SELECT '2024-01-01'::timestamp"));
        assertThat(jdbc("SELECT * FROM t WHERE id = CAST(? AS bigint)")).isEqualTo("SELECT * FROM t WHERE id = ?::int8");
    }

    @Test
    void nullIsAConstantInDmlButSyntaxAfterIsAndInDdl() {
        assertThat(plain("UPDATE t SET a = NULL WHERE id = 1")).isEqualTo(plain("UPDATE t SET a = 5 WHERE id = 2"))
                .isEqualTo("UPDATE t SET a = ? WHERE id = ?");
        assertThat(plain("SELECT * FROM t WHERE a IS NULL AND b IS NOT NULL"))
                .isEqualTo("SELECT * FROM t WHERE a IS NULL AND b IS NOT NULL");
        assertThat(plain("CREATE TABLE x (a int NOT NULL, b text DEFAULT NULL)"))
                .isEqualTo("CREATE TABLE x (a int NOT NULL, b text DEFAULT NULL)");
    }

    @Test
    void columnAliasesDoNotCount() {
        assertThat(plain("SELECT name AS n, count(*) total FROM t GROUP BY 1"))
                .isEqualTo(plain("SELECT name, count(*) AS \"Total\" FROM t GROUP BY 1"))
                .isEqualTo("SELECT name, count(*) FROM t GROUP BY 1");
        assertThat(plain("SELECT CAST(x AS text) FROM t")).isEqualTo("SELECT CAST(x AS text) FROM t");
        assertThat(plain("SELECT x::double precision FROM t")).isEqualTo("SELECT x::double precision FROM t");
        assertThat(plain("UPDATE t SET a = 1 RETURNING id AS new_id")).isEqualTo("UPDATE t SET a = ? RETURNING id");
        assertThat(plain("WITH a AS (SELECT 1) SELECT * FROM a")).isEqualTo("WITH a AS (SELECT ?) SELECT * FROM a");
    }

    @Test
    void fetchFirstIsLimit() {
        assertThat(plain("SELECT a FROM t ORDER BY a FETCH FIRST 5 ROWS ONLY"))
                .isEqualTo(plain("SELECT a FROM t ORDER BY a FETCH NEXT 1 ROW ONLY"))
                .isEqualTo(plain("SELECT a FROM t ORDER BY a FETCH FIRST ROW ONLY"))
                .isEqualTo(plain("SELECT a FROM t ORDER BY a LIMIT 10"))
                .isEqualTo("SELECT a FROM t ORDER BY a LIMIT ?");
        assertThat(plain("SELECT a FROM t OFFSET 5 ROWS")).isEqualTo(plain("SELECT a FROM t OFFSET 3"));
        assertThat(plain("SELECT a FROM t ORDER BY a FETCH FIRST 5 ROWS WITH TIES"))
                .isEqualTo("SELECT a FROM t ORDER BY a FETCH FIRST ? ROWS WITH TIES");
    }

    @Test
    void jdbcEscapesAreReadAsPgJdbcSendsThem() {
        assertThat(jdbc("SELECT {fn ucase(name)} FROM t WHERE d > {d '2024-01-01'}"))
                .isEqualTo(plain("SELECT upper(name) FROM t WHERE d > DATE '2024-01-01'"))
                .isEqualTo("SELECT upper(name) FROM t WHERE d > ?::date");
        assertThat(jdbc("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id}"))
                .isEqualTo("SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id");
    }

    @Test
    void inListsAndAnyArraysAreOneForm() {
        assertThat(plain("SELECT * FROM t WHERE id = ANY(ARRAY[1, 2])")).isEqualTo(plain("SELECT * FROM t WHERE id IN (3)"))
                .isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(plain("SELECT * FROM t WHERE id <> ALL (ARRAY[1, 2])")).isEqualTo("SELECT * FROM t WHERE id NOT IN (?)");
        assertThat(jdbc("SELECT * FROM t WHERE id = ANY(?)")).isEqualTo("SELECT * FROM t WHERE id = ANY (?)");
    }

    @Test
    void distinctFromNullIsANullTestAndSetToIsSetEquals() {
        assertThat(plain("SELECT * FROM t WHERE a IS DISTINCT FROM NULL")).isEqualTo("SELECT * FROM t WHERE a IS NOT NULL");
        assertThat(plain("SELECT * FROM t WHERE a IS NOT DISTINCT FROM NULL")).isEqualTo("SELECT * FROM t WHERE a IS NULL");
        assertThat(plain("SELECT * FROM t WHERE a IS DISTINCT FROM true")).isEqualTo("SELECT * FROM t WHERE a IS DISTINCT FROM ?");
        assertThat(plain("set work_mem TO '16MB'")).isEqualTo(plain("SET work_mem = '64MB'")).isEqualTo("SET work_mem = ?");
    }

    @Test
    void offsetAndLimitInEitherOrderAreOneForm() {
        assertThat(plain("SELECT a FROM t ORDER BY a OFFSET 4 ROWS FETCH FIRST 2 ROWS ONLY"))
                .isEqualTo(plain("SELECT a FROM t ORDER BY a LIMIT 2 OFFSET 4"))
                .isEqualTo("SELECT a FROM t ORDER BY a LIMIT ? OFFSET ?");
    }

    @Test
    void bareAliasesAfterNamesThatAreUnreservedKeywords() {
        assertThat(plain("SELECT name label FROM t")).isEqualTo("SELECT name FROM t");
        assertThat(plain("SELECT count(*) FILTER (WHERE a) FROM t")).isEqualTo("SELECT count(*) FILTER (WHERE a) FROM t");
    }
}

package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.querylog.StatementType;
import org.junit.jupiter.api.Test;

class SqlStructureTest {

    private static StatementType type(String sql) {
        return SqlStructure.type(SqlLexer.tokenize(sql, true));
    }

    @Test
    void typeIsTheMainStatementEvenAfterCtes() {
        assertThat(type("WITH x AS (SELECT 1), y(a) AS MATERIALIZED (DELETE FROM t RETURNING a) INSERT INTO u SELECT * FROM y"))
                .isEqualTo(StatementType.INSERT);
        assertThat(type("with recursive r as (select 1 union all select n + 1 from r) select * from r"))
                .isEqualTo(StatementType.SELECT);
        assertThat(type("(SELECT 1) UNION (SELECT 2)")).isEqualTo(StatementType.SELECT);
        assertThat(type("VALUES (1), (2)")).isEqualTo(StatementType.SELECT);
        assertThat(type("{call refresh(?)}")).isEqualTo(StatementType.CALL);
        assertThat(type("{? = call total(?)}")).isEqualTo(StatementType.CALL);
        assertThat(type("truncate t")).isEqualTo(StatementType.DDL);
        assertThat(type("begin")).isEqualTo(StatementType.TRANSACTION);
        assertThat(type("SET search_path = x")).isEqualTo(StatementType.OTHER);
        assertThat(type("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE")).isEqualTo(StatementType.MERGE);
    }

    @Test
    void lexerTablesSkipCtesFunctionsAndFromInsideFunctionCalls() {
        assertThat(SqlStructure.tables(SqlLexer.tokenize("WITH c AS (SELECT * FROM orders) SELECT extract(epoch FROM"
                + " u.created_at) FROM public.users u JOIN c ON c.user_id = u.id"
                + " WHERE u.id IN (SELECT user_id FROM payments)", true)))
                .containsExactly("orders", "public.users", "payments")
                .doesNotContain("created_at");
        assertThat(SqlStructure.tables(SqlLexer.tokenize("SELECT * FROM a, generate_series(1, 2) g, \"Items\" AS i", true)))
                .containsExactly("a", "Items");
        assertThat(SqlStructure.tables(SqlLexer.tokenize("UPDATE accounts SET x = 1 FROM ledger l", true)))
                .containsExactly("accounts", "ledger");
    }

    @Test
    void detectsSeveralStatements() {
        assertThat(SqlStructure.isMultiStatement(SqlLexer.tokenize("SELECT 1;", false))).isFalse();
        assertThat(SqlStructure.isMultiStatement(SqlLexer.tokenize("SELECT 1; DROP TABLE t", false))).isTrue();
    }

    @Test
    void aCteReferencedInAnotherCaseIsNoTable() {
        SqlInfo info = SqlInfo.analyze("WITH R AS (SELECT id FROM users WHERE qty > 1) SELECT * FROM r JOIN orders o"
                + " ON o.user_id = r.id", false, dev.pgtestkit.querylog.RedactionRules.defaults(),
                SqlParserService.SHARED);
        assertThat(info.tables()).containsExactlyInAnyOrder("users", "orders");
    }

    @Test
    void eachStatementOfAStringCounts() {
        SqlInfo info = SqlInfo.analyze("SELECT 1; SELECT 2; UPDATE t SET a = 1;", false,
                dev.pgtestkit.querylog.RedactionRules.defaults(), null);
        assertThat(info.statementTypes)
                .containsExactly(StatementType.SELECT, StatementType.SELECT, StatementType.UPDATE);
    }
}

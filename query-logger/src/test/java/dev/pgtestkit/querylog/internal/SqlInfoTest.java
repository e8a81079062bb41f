package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.querylog.RedactionRules;
import dev.pgtestkit.querylog.StatementType;
import org.junit.jupiter.api.Test;

/** The two tiers: JSqlParser refines the lexer where it parses; where it fails, the lexer's answer stands. */
class SqlInfoTest {

    private static SqlInfo analyze(String sql) {
        return SqlInfo.analyze(sql, true, RedactionRules.defaults(), SqlParserService.SHARED);
    }

    @Test
    void jSqlParserGivesTheTypeAndTablesOfACteWrappedUpdate() {
        SqlInfo info = analyze("WITH big AS (SELECT customer_id FROM orders WHERE total > 100) "
                + "UPDATE customers SET vip = true WHERE id IN (SELECT customer_id FROM big)");
        assertThat(info.awaitParse().succeeded()).isTrue();
        assertThat(info.type()).isEqualTo(StatementType.UPDATE);
        assertThat(info.tables()).contains("customers", "orders");
    }

    @Test
    void aStatementJSqlParserRejectsKeepsTheLexersAnswer() {
        SqlInfo info = analyze("SELECT id FROM orders o WHERE o.total OPERATOR(pg_catalog.>) 10 AND o.id = ?");
        assertThat(info.awaitParse().succeeded()).isFalse();
        assertThat(info.awaitParse().failure()).contains("OPERATOR");
        assertThat(info.type()).isEqualTo(StatementType.SELECT);
        assertThat(info.tables()).containsExactly("orders");
        assertThat(info.normalized)
                .isEqualTo("SELECT id FROM orders o WHERE o.total operator(pg_catalog.>) ? AND o.id = ?");
    }

    @Test
    void aStatementJSqlParserDoesNotKnowAtAllIsStillClassified() {
        SqlInfo info = analyze("COPY orders FROM STDIN WITH (FORMAT csv)");
        assertThat(info.awaitParse().succeeded()).isFalse();
        assertThat(info.normalized).isEqualTo("COPY orders FROM stdin WITH (format csv)");
    }
}

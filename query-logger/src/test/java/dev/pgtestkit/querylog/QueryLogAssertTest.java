package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryLogAssertTest {

    private static final CallSite SITE = new CallSite("com.acme.Dao", "find", "Dao.java", 12);

    private static final QueryLog LOG = QueryLog.of(List.of(
            TestEvent.select("SELECT * FROM users WHERE id = ?", 2, SITE, 1),
            TestEvent.select("SELECT * FROM users WHERE id = ?", 3, SITE, 2),
            TestEvent.select("SELECT * FROM orders", 250, null).withType(StatementType.SELECT, "orders").asSlow(),
            TestEvent.select("INSERT INTO orders VALUES (?)", 1, null, 9).withType(StatementType.INSERT, "orders")
                    .failed("23505")));

    @Test
    void passingAssertionsChain() {
        QueryLogAssert.assertThat(LOG).hasStatementCount(4).hasSelectCount(3).hasInsertCount(1).hasUpdateCount(0)
                .hasDeleteCount(0).hasStatementCountForTable("orders", 2)
                .hasStatementCountForTable(StatementType.SELECT, "users", 2).hasStatementCountAtMost(4)
                .hasStatementCountAtMost(StatementType.INSERT, 1).hasNoNPlusOne();
    }

    @Test
    void countFailuresListTheStatementsFound() {
        assertThatThrownBy(() -> QueryLogAssert.assertThat(LOG).hasSelectCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessage(("Expected 1 SELECT statements but found 3:%n"
                        + "  2x SELECT * FROM users WHERE id = ?  at com.acme.Dao.find(Dao.java:12)%n"
                        + "  1x SELECT * FROM orders").formatted());
        assertThatThrownBy(() -> QueryLogAssert.assertThat(LOG).hasStatementCountAtMost(StatementType.SELECT, 2))
                .hasMessageStartingWith("Expected at most 2 SELECT statements but found 3:");
        assertThatThrownBy(() -> QueryLogAssert.assertThat(LOG).hasStatementCountForTable("payments", 1))
                .hasMessage("Expected 1 statements on table 'payments' but found 0:%n  (none)".formatted());
    }

    @Test
    void slowAndFailedStatementsAreNamedInTheMessage() {
        assertThatThrownBy(() -> QueryLogAssert.assertThat(LOG).hasNoSlowQueries())
                .hasMessage("Expected no slow queries but found 1:%n  250.0 ms: SELECT * FROM orders".formatted());
        assertThatThrownBy(() -> QueryLogAssert.assertThat(LOG).hasNoFailures())
                .hasMessage("Expected no failed statements but found 1:%n  [23505] failed with 23505: INSERT INTO"
                        .formatted() + " orders VALUES (?)");
    }
}

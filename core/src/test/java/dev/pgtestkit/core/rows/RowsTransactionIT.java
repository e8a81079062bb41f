package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Rows#inTransaction}: commit, rollback on exception, nested calls as savepoints of one transaction. */
class RowsTransactionIT extends DatabaseTestBase {

    RowsTransactionIT() {
        super(SeedSchemas.KEEPNOTION);
    }

    private static Map<String, Object> credential(String user) {
        return Map.of("userId", user, "notionDatabaseId", "db-" + user);
    }

    private static long transactionId(Rows tx) {
        return ((Number) tx.query("SELECT txid_current() AS id").get(0).get("id")).longValue();
    }

    @Test
    void commitsWhenTheWorkReturns() {
        String result = rows.inTransaction(tx -> {
            tx.insert("credentials", credential("u1"));
            tx.insert("credentials", credential("u2"));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(rows.count("credentials")).isEqualTo(2);
    }

    @Test
    void rollsBackWhenTheWorkThrowsAndRethrowsTheSameException() {
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> rows.useTransaction(tx -> {
            tx.insert("credentials", credential("u1"));
            throw failure;
        })).isSameAs(failure);
        assertThat(rows.count("credentials")).isZero();
    }

    @Test
    void otherConnectionsSeeNothingUntilCommit() {
        rows.useTransaction(tx -> {
            tx.insert("credentials", credential("u1"));
            assertThat(tx.count("credentials")).isEqualTo(1);
            assertThat(rows.count("credentials")).isZero();
        });
        assertThat(rows.count("credentials")).isEqualTo(1);
    }

    @Test
    void nestedCallIsASavepointOfTheSameTransaction() {
        rows.useTransaction(outer -> {
            long outerId = transactionId(outer);
            outer.useTransaction(inner -> {
                assertThat(transactionId(inner)).isEqualTo(outerId);
                assertThat(inner.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND backend_xid IS NOT NULL").get(0).get("n")).isEqualTo(1L);
            });
        });
    }

    @Test
    void failedNestedCallUndoesOnlyItsOwnWork() {
        rows.useTransaction(outer -> {
            outer.insert("credentials", credential("kept"));
            assertThatThrownBy(() -> outer.useTransaction(inner -> {
                inner.insert("credentials", credential("undone"));
                throw new IllegalStateException("inner failure");
            })).hasMessage("inner failure");
            outer.insert("credentials", credential("after"));
        });

        assertThat(rows.fetch("credentials", Map.of())).extracting(r -> r.get("user_id"))
                .containsExactlyInAnyOrder("kept", "after");
    }

    @Test
    void databaseErrorInANestedCallLeavesTheOuterTransactionUsable() {
        rows.useTransaction(outer -> {
            outer.insert("credentials", credential("u1"));
            assertThatThrownBy(() -> outer.useTransaction(inner -> inner.insert("credentials", credential("u1"))))
                    .isInstanceOf(QueryException.class).hasMessageContaining("credentials_pkey");
            outer.insert("credentials", credential("u2"));
        });

        assertThat(rows.count("credentials")).isEqualTo(2);
    }

    @Test
    void nestingGoesDeeperThanOneLevel() {
        rows.useTransaction(a -> {
            a.insert("credentials", credential("a"));
            a.useTransaction(b -> {
                b.insert("credentials", credential("b"));
                assertThatThrownBy(() -> b.useTransaction(c -> {
                    c.insert("credentials", credential("c"));
                    throw new IllegalArgumentException("c fails");
                })).isInstanceOf(IllegalArgumentException.class);
            });
        });

        assertThat(rows.fetch("credentials", Map.of())).extracting(r -> r.get("user_id"))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void failureAfterAnInnerSuccessRollsBackEverything() {
        assertThatThrownBy(() -> rows.useTransaction(outer -> {
            outer.useTransaction(inner -> inner.insert("credentials", credential("inner")));
            throw new IllegalStateException("outer failure");
        })).hasMessage("outer failure");

        assertThat(rows.count("credentials")).isZero();
    }

    @Test
    void tablesCreatedInATransactionAreUsableThereAndForgottenOnRollback() {
        assertThatThrownBy(() -> rows.useTransaction(tx -> {
            tx.execute("CREATE TABLE scratch (id serial PRIMARY KEY, note text)");
            tx.insert("scratch", Map.of("note", "x"));
            assertThat(tx.count("scratch")).isEqualTo(1);
            throw new IllegalStateException("undo");
        })).hasMessage("undo");

        assertThat(rows.tableExists("scratch")).isFalse();
    }
}

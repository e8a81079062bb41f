package compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A class transaction with a {@code @Nested} class, in parallel mode: the nested class sees the outer fixture and its
 * own, and the outer tests never see the nested fixture. {@code @Execution(SAME_THREAD)} is what JUnit 5.10/5.11 need
 * for this (the extension refuses it otherwise: {@link NestedClassTransactionInParallelTest}); on 5.12+ the
 * extension's resource lock already runs the class's tests in one thread, so it changes nothing there. Other classes
 * still run in parallel with this one.
 */
@PgTest(migrations = "classpath:db/migration")
@WithTransaction
@Execution(ExecutionMode.SAME_THREAD)
class NestedClassTransactionTest {

    private static final AtomicInteger RUNNING = new AtomicInteger();

    @BeforeAll
    static void fixture(DataSource dataSource) throws Exception {
        Sql.registerAndCommit(dataSource, "fixture@example.com");
    }

    static void alone(ClassTransactionTest.Work work) throws Exception {
        assertThat(RUNNING.incrementAndGet()).as("tests of one class transaction at once").isEqualTo(1);
        try {
            work.run();
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    @RepeatedTest(6)
    void codeThatCommitsIsRolledBackAfterEachTest(DataSource dataSource) throws Exception {
        alone(() -> {
            assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(1);
            Sql.registerAndCommit(dataSource, "user@example.com");
        });
    }

    @Nested
    class WithMoreAccounts {

        @BeforeAll
        static void moreAccounts(DataSource dataSource) throws Exception {
            Sql.registerAndCommit(dataSource, "nested@example.com");
        }

        @RepeatedTest(4)
        void seesTheOuterAndItsOwnFixture(DataSource dataSource) throws Exception {
            alone(() -> {
                assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(2);
                Sql.registerAndCommit(dataSource, "nested-user@example.com");
            });
        }
    }

    @Test
    void theNestedClassFixtureIsGoneAfterIt(DataSource dataSource) throws Exception {
        alone(() -> assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts WHERE email LIKE 'nested%'"))
                .isZero());
    }
}

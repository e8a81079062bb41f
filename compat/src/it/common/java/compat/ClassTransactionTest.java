package compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A transaction spanning the class, in parallel mode: the @BeforeAll fixture stays, each test's writes (committed by
 * the code) are rolled back, and the tests of the class take turns on the shared connection.
 */
@PgTest(migrations = "classpath:db/migration")
@WithTransaction
class ClassTransactionTest {

    /** Tests of this class running right now; more than one would share the connection at once. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    @BeforeAll
    static void fixture(DataSource dataSource) throws Exception {
        Sql.registerAndCommit(dataSource, "fixture@example.com");
    }

    /** What a test of this class does, checking that no other test of the class runs meanwhile. */
    interface Work {
        void run() throws Exception;
    }

    static void alone(Work work) throws Exception {
        assertThat(RUNNING.incrementAndGet()).as("tests of one class transaction at once").isEqualTo(1);
        try {
            work.run();
            Thread.sleep(30); // gives a test that should wait the time to break in
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    @RepeatedTest(12) // more tests than JUnit has workers, all waiting for their turn
    void codeThatCommitsIsRolledBackAfterEachTest(DataSource dataSource) throws Exception {
        alone(() -> {
            assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(1);
            Sql.registerAndCommit(dataSource, "user@example.com");
            assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(2);
        });
    }

    @Test
    void seesOnlyTheClassFixture(DataSource dataSource) throws Exception {
        alone(() -> assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(1));
    }
}

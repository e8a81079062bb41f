package compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A class transaction with a concurrent {@code @Nested} class. JUnit 5.12+ runs it (the extension's resource lock);
 * 5.10/5.11 give an extension no way to keep a worker that holds the class's turn from picking up a waiting test of
 * the same class, so the extension refuses the nested class with the fix instead of hanging at random (it did: one
 * compat run in six).
 */
class NestedClassTransactionInParallelTest {

    private static final boolean LOCK_PROVIDERS = present("org.junit.jupiter.api.parallel.ResourceLocksProvider");

    @Test
    void runsOnJUnitWithLockProvidersAndFailsClearlyBefore() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(Fixture.class))
                .execute();
        if (LOCK_PROVIDERS) {
            results.testEvents().assertStatistics(stats -> stats.succeeded(12 + 4).failed(0));
        } else {
            results.containerEvents().assertThatEvents().haveExactly(1, event(container("WithMoreAccounts"),
                    finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                            message(m -> m.contains("@Execution(ExecutionMode.SAME_THREAD) to Fixture")
                                    && m.contains("Fixture$WithMoreAccounts")))));
            results.testEvents().assertStatistics(stats -> stats.succeeded(12).failed(0)); // the outer tests ran
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Run only through the test kit above (surefire skips nested classes). */
    @PgTest(migrations = "classpath:db/migration")
    @WithTransaction
    static class Fixture {

        @BeforeAll
        static void fixture(DataSource dataSource) throws Exception {
            Sql.registerAndCommit(dataSource, "fixture@example.com");
        }

        @RepeatedTest(12)
        void outer(DataSource dataSource) throws Exception {
            assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(1);
            Sql.registerAndCommit(dataSource, "user@example.com");
        }

        @Nested
        class WithMoreAccounts {

            @BeforeAll
            static void moreAccounts(DataSource dataSource) throws Exception {
                Sql.registerAndCommit(dataSource, "nested@example.com");
            }

            @RepeatedTest(4)
            void nested(DataSource dataSource) throws Exception {
                assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(2);
            }
        }
    }
}

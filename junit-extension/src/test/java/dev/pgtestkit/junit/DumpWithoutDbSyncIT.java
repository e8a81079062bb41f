package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @PgTest(dump)} without db-sync on the class path (this module's tests never have it: the extension does not
 * depend on db-sync): the class fails with the dependency to add. db-sync's own tests run a dump end to end.
 */
class DumpWithoutDbSyncIT {

    @Test
    void dbSyncIsNotOnThisClassPath() {
        assertThatThrownBy(() -> Class.forName("dev.pgtestkit.sync.DumpTemplateSource"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void namesTheDependencyToAdd() {
        EngineExecutionResults results = Engine.run(DumpFixture.class);
        assertThat(Engine.failures(results))
                .contains("@PgTest(dump = \"src/test/dumps/app\") on " + DumpFixture.class.getName()
                        + " needs db-sync, which is not on the test class path")
                .contains("add the test dependency dev.pgtestkit:pgtestkit-db-sync");
        results.testEvents().assertStatistics(s -> s.succeeded(0));
    }

    @PgTest(dump = "src/test/dumps/app")
    static class DumpFixture {
        @Test
        void neverRuns() {
            throw new AssertionError("the class should fail before its tests run");
        }
    }
}

package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pgtestkit.core.MigrationException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code @PgTest(scripts)}: plain SQL after the migrations, in the template; a missing script is named. */
class ScriptsIT {

    @Test
    void scriptsRunAfterTheMigrationsInTheTemplate() {
        Engine.assertAllPass(2, WithScript.class);
    }

    @Test
    void aMissingScriptFailsTheClassNamingIt() {
        Engine.run(MissingScript.class).containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(MigrationException.class), message("SQL script 'classpath:scripts/nope.sql' in "
                        + "@PgTest(scripts) not found on the class path. Check the name (resources under "
                        + "src/test/resources are at the root).")));
    }

    @PgTest(migrations = SharedTemplate.LOCATION, scripts = "classpath:scripts/vip-accounts.sql")
    @WithTransaction
    static class WithScript {
        @Test
        void seesTheScriptsRow(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(1);
            Sql.insertAccount(dataSource, "second@example.com");
        }

        @Test
        void andEachTestStartsFromIt(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isEqualTo(1);
            Sql.insertAccount(dataSource, "third@example.com");
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION, scripts = "classpath:scripts/nope.sql")
    static class MissingScript {
        @Test
        void neverRuns() {
        }
    }
}

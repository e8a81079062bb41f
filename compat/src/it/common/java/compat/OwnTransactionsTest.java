package compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Tests with transactions of their own, free to run in parallel: each writes the same row and sees only its own. */
@PgTest(migrations = "classpath:db/migration")
class OwnTransactionsTest {

    @RepeatedTest(6)
    @WithTransaction
    void writesTheSameAccountAndSeesOnlyItsOwn(DataSource dataSource) throws Exception {
        assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isZero();
        Sql.registerAndCommit(dataSource, "same@example.com");
        assertThat(Sql.count(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(1);
    }

    @Test
    @WithTransaction
    void runsOnAClonedDatabase(DisposableDatabase database) {
        assertThat(database.name()).startsWith("pgtestkit_");
    }
}

package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A slow statement on a temporary table has no plan, and the report says why. */
class TempTablePlanIT {

    @Test
    void thePlanOfAStatementOnATemporaryTableSaysWhyThereIsNone() throws SQLException {
        try (DisposableDatabase db = TestDatabases.withSchema();
                QueryLogger logger = QueryLogger.builder().logToSlf4j(false).slowThreshold(Duration.ofMillis(20))
                        .build();
                Connection c = logger.wrap(db.dataSource()).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE scratch (id int)");
            s.executeQuery("SELECT pg_sleep(0.05), count(*) FROM scratch").close();
            QueryEvent slow = logger.log().slowQueries().stream().filter(e -> e.type() == StatementType.SELECT)
                    .findFirst().orElseThrow();
            QueryPlan plan = slow.awaitPlan(Duration.ofSeconds(30)).orElseThrow();
            assertThat(plan.isAvailable()).isFalse();
            assertThat(plan.summary()).contains("temporary table").contains("scratch");
            assertThat(HtmlReport.of(logger.log()).render()).contains("temporary table");
        }
    }
}

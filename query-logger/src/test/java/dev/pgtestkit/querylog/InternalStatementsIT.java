package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.SchemaRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** pgtestkit's own statements run through a logged DataSource but never appear among the application's. */
class InternalStatementsIT {

    @Test
    void theSchemaRegistrysCatalogQueriesAreNotTheApplicationsStatements() throws SQLException {
        try (DisposableDatabase db = TestDatabases.withSchema("CREATE TABLE notes (id int PRIMARY KEY, body text)");
                QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build()) {
            DataSource logged = logger.wrap(db.dataSource());
            try (QueryScope scope = logger.startScope("test")) {
                SchemaRegistry registry = SchemaRegistry.load(logged);
                assertThat(registry.toString()).isNotEmpty();
                try (Connection c = logged.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO notes (id, body) VALUES (1, 'hello')");
                    s.executeQuery(QueryLogger.INTERNAL_MARKER + " SELECT count(*) FROM notes").close();
                }
                assertThat(scope.log().events()).extracting(QueryEvent::sql)
                        .containsExactly("INSERT INTO notes (id, body) VALUES (1, 'hello')");
                assertThat(logger.log().size()).isEqualTo(1);
            }
        }
    }
}

package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.querylog.jdbi.QueryLogJdbiPlugin;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jdbi users get the same events, named after their SQL object methods. */
class JdbiIT {

    private static DisposableDatabase db;

    /** A Jdbi SQL object, as an application would declare it. */
    public interface NoteDao {
        @SqlUpdate("INSERT INTO notes (title, api_key) VALUES (:title, :apiKey)")
        void insert(@Bind("title") String title, @Bind("apiKey") String apiKey);

        @SqlQuery("SELECT title FROM notes WHERE id = :id")
        Optional<String> title(@Bind("id") int id);
    }

    @BeforeAll
    static void createSchema() throws SQLException {
        db = TestDatabases.withSchema("CREATE TABLE notes (id serial PRIMARY KEY, title text NOT NULL, api_key text)");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void sqlObjectMethodsNameTheirStatements() {
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build();
                QueryScope scope = logger.startScope("jdbi")) {
            Jdbi jdbi = Jdbi.create(logger.wrap(db.dataSource()))
                    .installPlugin(new SqlObjectPlugin())
                    .installPlugin(QueryLogJdbiPlugin.of(logger));
            NoteDao dao = jdbi.onDemand(NoteDao.class);
            dao.insert("first", "k-123");
            assertThat(dao.title(1)).contains("first");
            String named = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notes")
                    .define(QueryLogJdbiPlugin.STATEMENT_NAME, "count notes").mapTo(String.class).one());
            assertThat(named).isEqualTo("1");

            List<QueryEvent> events = scope.log().events();
            assertThat(events).extracting(e -> e.statementName().orElse("-"))
                    .containsExactly("NoteDao.insert", "NoteDao.title", "count notes");
            assertThat(events.get(0).parameters()).containsExactly(List.of("first", QueryEvent.REDACTED));
            assertThat(events.get(0).normalizedSql()).isEqualTo("INSERT INTO notes (title, api_key) VALUES (?, ?)");
            assertThat(events.get(1).rows()).isEqualTo(1);
            assertThat(events.get(1).callSite()).hasValueSatisfying(site ->
                    assertThat(site.toString()).startsWith("dev.pgtestkit.querylog.JdbiIT.sqlObjectMethodsNameTheirStatements("));
        }
    }

    @Test
    void connectionsFromAPlainDataSourceAreLoggedByThePlugin() {
        try (QueryLogger logger = QueryLogger.builder().logToSlf4j(false).build();
                QueryScope scope = logger.startScope("plain")) {
            Jdbi jdbi = Jdbi.create(db.dataSource()).installPlugin(QueryLogJdbiPlugin.of(logger));
            jdbi.useHandle(h -> h.execute("UPDATE notes SET title = title WHERE id = ?", 1));
            QueryLogAssert.assertThat(scope.log()).hasUpdateCount(1).hasStatementCountForTable("notes", 1);
        }
    }
}

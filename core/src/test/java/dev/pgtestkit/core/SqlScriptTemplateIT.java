package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** SQL scripts as template sources: errors located by file line and statement, pg_dump's plain format with data. */
class SqlScriptTemplateIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @Test
    void aPgDumpPlainFileWithCopyBlocksIsLoaded() throws Exception {
        DatabaseTemplate template = DatabaseTemplate.builder(server).sqlScripts(resource("/scripts/pg_dump_plain.sql"))
                .poolSize(0).build();
        try (DisposableDatabase db = template.checkout(); Connection c = db.connect()) {
            assertThat(query(c, "SELECT count(*) FROM books")).isEqualTo("3");
            assertThat(query(c, "SELECT bio FROM authors WHERE id = 1")).isEqualTo("Wrote; among others, \"The Dispossessed\"");
            assertThat(query(c, "SELECT coalesce(bio, 'null') FROM authors WHERE id = 2")).isEqualTo("null");
            assertThat(query(c, "SELECT name || '|' || bio FROM authors WHERE id = 3"))
                    .isEqualTo("Tab\tand newline\nin a name|a back\\slash");
            assertThat(query(c, "SELECT public.slugify('Hello, World') || public.double_it(21)")).isEqualTo("hello-world42");
            assertThat(query(c, "SELECT nextval('public.books_id_seq')")).isEqualTo("4");
            assertThat(query(c, "SELECT count(*) FROM pg_constraint WHERE conname = 'books_author_id_fkey'")).isEqualTo("1");
        } finally {
            dropTemplate(template.name());
        }
    }

    @Test
    void aFailingStatementIsReportedByFileLineAndStatement() throws Exception {
        Path script = script("""
                CREATE TABLE notes (id int PRIMARY KEY, body text);
                -- a comment line
                INSERT INTO notes VALUES (1, 'one');  INSERT INTO notes
                    VALUES (2, 'two'),
                           (3, no_such_column);
                INSERT INTO notes VALUES (4, 'four');
                """);
        assertThatThrownBy(() -> DatabaseTemplate.builder(server).sqlScripts(script).poolSize(0).build())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("SQL script " + script + ", line 5 (database 'pgtestkit_tpl_")
                .hasMessageContaining("no_such_column")
                .hasMessageContaining("in the statement starting at line 3: INSERT INTO notes VALUES (2, 'two'),"
                        + " (3, no_such_column);");
    }

    @Test
    void aBadCopyDataLineIsReportedByItsFileLine() throws Exception {
        Path script = script("""
                CREATE TABLE counts (n int NOT NULL);

                COPY counts (n) FROM stdin;
                1
                2
                three
                \\.
                """);
        assertThatThrownBy(() -> DatabaseTemplate.builder(server).sqlScripts(script).poolSize(0).build())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("SQL script " + script + ", line 6 ")
                .hasMessageContaining("three")
                .hasMessageContaining("in the data of the statement at line 3: COPY counts (n) FROM stdin;");
    }

    @Test
    void copyDataWithoutItsEndMarkerAndPsqlMetaCommandsAreErrors() throws Exception {
        Path unterminated = script("CREATE TABLE t (n int);\nCOPY t (n) FROM stdin;\n1\n");
        assertThatThrownBy(() -> DatabaseTemplate.builder(server).sqlScripts(unterminated).poolSize(0).build())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining(", line 2 ").hasMessageContaining("has no terminating \\. line");
        Path meta = script("CREATE TABLE t (n int);\n\\connect other\n");
        assertThatThrownBy(() -> DatabaseTemplate.builder(server).sqlScripts(meta).poolSize(0).build())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining(", line 2 ").hasMessageContaining("psql meta-command \\connect is not SQL");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SqlScriptTemplateIT.class.getResource(name).toURI());
    }

    private static Path script(String sql) throws Exception {
        Path file = Files.createTempFile("pgtestkit-script-", ".sql");
        Files.writeString(file, sql + "-- " + System.nanoTime() + "\n");
        return file;
    }

    private static String query(Connection c, String sql) throws SQLException {
        return EmbeddedProviderIT.query(c, sql);
    }

    private void dropTemplate(String name) throws SQLException {
        try (Connection c = server.connect(server.adminDatabase()); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE \"" + name + "\" WITH IS_TEMPLATE false");
        }
        server.dropDatabase(name);
    }
}

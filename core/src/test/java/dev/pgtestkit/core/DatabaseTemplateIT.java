package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.internal.SqlScripts;
import dev.pgtestkit.core.internal.TemplateBuilder;
import dev.pgtestkit.core.internal.TemplateDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DatabaseTemplateIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @Test
    void clonesCarryTheMigratedSchemaAndDataAndAreIsolated() throws Exception {
        DatabaseTemplate template = DatabaseTemplate.builder(server)
                .flywayLocations("classpath:db/template-test/flyway").build();
        try (DisposableDatabase a = template.checkout(); DisposableDatabase b = template.checkout()) {
            assertThat(a.name()).startsWith("pgtestkit_db_").isNotEqualTo(b.name());
            try (Connection ca = a.connect(); Connection cb = b.connect()) {
                execute(ca, "INSERT INTO accounts (email) VALUES ('second@example.com')");
                assertThat(EmbeddedProviderIT.query(ca, "SELECT count(*) FROM accounts")).isEqualTo("2");
                assertThat(EmbeddedProviderIT.query(cb, "SELECT count(*) FROM accounts")).isEqualTo("1");
            }
        }
    }

    @Test
    void theSameMigrationsGiveTheSameTemplateInstance() {
        DatabaseTemplate first = DatabaseTemplate.builder(server).flywayLocations("classpath:db/template-test/flyway").build();
        DatabaseTemplate second = DatabaseTemplate.builder(server).flywayLocations("classpath:db/template-test/flyway").build();
        assertThat(second).isSameAs(first);
        assertThat(first.name()).matches("pgtestkit_tpl_[0-9a-f]{16}");
        assertThat(DatabaseTemplate.empty(server).name()).isNotEqualTo(first.name());
    }

    @Test
    void editingAMigrationGivesANewTemplate() throws Exception {
        Path location = Files.createTempDirectory("pgtestkit-migrations-");
        Path migration = Files.writeString(location.resolve("V1__notes.sql"), "CREATE TABLE notes (id int);");
        DatabaseTemplate original = DatabaseTemplate.builder(server).flywayLocations("filesystem:" + location)
                .poolSize(0).build();
        Files.writeString(migration, "CREATE TABLE notes (id int, body text);");
        DatabaseTemplate edited = DatabaseTemplate.builder(server).flywayLocations("filesystem:" + location)
                .poolSize(0).build();
        try (DisposableDatabase db = edited.checkout(); Connection c = db.connect()) {
            assertThat(edited.name()).isNotEqualTo(original.name());
            assertThat(EmbeddedProviderIT.query(c, "SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_name = 'notes'")).isEqualTo("2");
        } finally {
            dropTemplate(original.name());
            dropTemplate(edited.name());
        }
    }

    @Test
    void anExistingTemplateIsReusedNotRebuilt() throws Exception {
        Path script = script("CREATE TABLE reused (id int);");
        TemplateDescription source = TemplateDescription.of(server, List.of(new SqlScripts(List.of(script))));
        String name = PostgresServer.DATABASE_PREFIX + "tpl_reuse_" + System.nanoTime();
        try {
            assertThat(TemplateBuilder.ensure(server, name, source)).isTrue();
            assertThat(TemplateBuilder.ensure(server, name, source)).isFalse();
        } finally {
            dropTemplate(name);
        }
    }

    @Test
    void concurrentBuildersBuildTheTemplateOnce() throws Exception {
        Path script = script("CREATE TABLE raced (id int); SELECT pg_sleep(0.2);");
        TemplateDescription source = TemplateDescription.of(server, List.of(new SqlScripts(List.of(script))));
        String name = PostgresServer.DATABASE_PREFIX + "tpl_race_" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Boolean> build = () -> TemplateBuilder.ensure(server, name, source);
            List<Future<Boolean>> results = pool.invokeAll(List.of(build, build, build));
            long builds = results.stream().filter(f -> get(f)).count();
            assertThat(builds).isEqualTo(1);
        } finally {
            pool.shutdown();
            dropTemplate(name);
        }
    }

    @Test
    void plainSqlScriptsAreAppliedInOrder() throws Exception {
        Path first = script("CREATE TABLE notes (id int PRIMARY KEY, body text);");
        Path second = script("INSERT INTO notes VALUES (1, 'hello');");
        DatabaseTemplate template = DatabaseTemplate.builder(server).sqlScripts(first, second).poolSize(0).build();
        try (DisposableDatabase db = template.checkout(); Connection c = db.connect()) {
            assertThat(EmbeddedProviderIT.query(c, "SELECT body FROM notes")).isEqualTo("hello");
        }
        dropTemplate(template.name());
    }

    @Test
    void aFailingMigrationNamesTheLocationAndLeavesNoTemplateBehind() {
        int before = server.databases(PostgresServer.DATABASE_PREFIX + "tpl_").size();
        assertThatThrownBy(() -> DatabaseTemplate.builder(server).flywayLocations("classpath:db/template-test/broken").build())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Flyway migrations [classpath:db/template-test/broken] failed on template database 'pgtestkit_tpl_")
                .hasMessageContaining("no_such_table");
        assertThat(server.databases(PostgresServer.DATABASE_PREFIX + "tpl_")).hasSize(before);
    }

    @Test
    void anEmptyLocationIsAnError() {
        assertThatThrownBy(() -> DatabaseTemplate.builder(server).flywayLocations("classpath:db/does-not-exist").build())
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Flyway location 'classpath:db/does-not-exist' holds no files.");
    }

    @Test
    void closingDropsTheCloneAndKeepRetainsIt() throws Exception {
        DatabaseTemplate template = DatabaseTemplate.empty(server);
        DisposableDatabase dropped = template.checkout();
        DisposableDatabase kept = template.checkout().keep();
        dropped.close();
        kept.close();
        awaitGone(dropped.name());
        assertThat(server.databases(kept.name())).containsExactly(kept.name());
        server.dropDatabase(kept.name());
    }

    @Test
    void aHandOutFromTheWarmPoolIsADatabaseClonedBeforeTheRequest() {
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations("classpath:db/template-test/flyway").build();
        template.checkout().close();   // the pool refills behind this hand-out
        awaitPoolFilled(template);
        List<String> existing = server.databases(PostgresServer.DATABASE_PREFIX);
        try (DisposableDatabase db = template.checkout()) {
            assertThat(existing).contains(db.name()); // how fast that is, is measured by TemplateBenchmark
        }
    }

    private void awaitPoolFilled(DatabaseTemplate template) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (template.warmClones() < 2 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private void awaitGone(String name) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!server.databases(name).isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(server.databases(name)).isEmpty();
    }

    private void dropTemplate(String name) throws SQLException {
        try (Connection c = server.connect(server.adminDatabase())) {
            execute(c, "ALTER DATABASE \"" + name + "\" WITH IS_TEMPLATE false");
        }
        server.dropDatabase(name);
    }

    private static Path script(String sql) throws Exception {
        Path file = Files.createTempFile("pgtestkit-script-", ".sql");
        Files.writeString(file, sql + " -- " + System.nanoTime());
        return file;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static boolean get(Future<Boolean> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

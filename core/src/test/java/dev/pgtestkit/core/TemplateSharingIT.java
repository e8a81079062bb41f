package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which DatabaseTemplate instance a builder gives: the JVM-wide one of its whole configuration, which no caller can
 * close, or one of its own; and template sources other than migrations.
 */
class TemplateSharingIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @Test
    void aDifferentPoolSizeGetsAnInstanceWithThatPoolSize() {
        TemplateSource source = uniqueTable("pool_sizes");
        DatabaseTemplate small = DatabaseTemplate.builder(server).source(source).poolSize(0).build();
        DatabaseTemplate large = DatabaseTemplate.builder(server).source(source).poolSize(3).build();
        try {
            assertThat(large).isNotSameAs(small);
            assertThat(large.name()).isEqualTo(small.name());
            awaitWarm(large, 3);
            assertThat(small.warmClones()).isZero();
            assertThat(DatabaseTemplate.builder(server).source(source).poolSize(3).build()).isSameAs(large);
        } finally {
            dropTemplate(small.name());
        }
    }

    @Test
    void closingTheSharedInstanceLeavesItsPoolToTheOtherUsers() {
        TemplateSource source = uniqueTable("shared");
        DatabaseTemplate shared;
        try (DatabaseTemplate template = DatabaseTemplate.builder(server).source(source).build()) {
            shared = template;
            assertThat(template.isShared()).isTrue();
        }
        try {
            DatabaseTemplate sameConfiguration = DatabaseTemplate.builder(server).source(source).build();
            assertThat(sameConfiguration).isSameAs(shared);
            sameConfiguration.checkout().close();
            awaitWarm(shared, 2); // the pool still clones ahead after the try-with-resources closed the template
        } finally {
            dropTemplate(shared.name());
        }
    }

    @Test
    void anOwnedInstanceDrainsItsPoolOnClose() {
        DatabaseTemplate owned = DatabaseTemplate.builder(server).source(uniqueTable("owned")).poolSize(2)
                .buildOwned();
        try {
            assertThat(owned.isShared()).isFalse();
            awaitWarm(owned, 2);
            List<String> clones = server.databases(PostgresServer.DATABASE_PREFIX + "db_" + owned.name()
                    .substring(owned.name().length() - 8));
            assertThat(clones).hasSize(2);
            owned.close();
            assertThat(server.databases(PostgresServer.DATABASE_PREFIX + "db_" + owned.name()
                    .substring(owned.name().length() - 8))).isEmpty();
            try (DisposableDatabase db = owned.checkout()) {
                assertThat(db.name()).startsWith("pgtestkit_db_"); // cloned on demand after close
            }
        } finally {
            dropTemplate(owned.name());
        }
    }

    @Test
    void aSourceNamesTheTemplateByItsChecksumAndFillsItOnce() throws SQLException {
        String table = "sourced_" + System.nanoTime();
        AtomicInteger builds = new AtomicInteger();
        TemplateSource v1 = checksumAndTable(table, "v1", builds);
        DatabaseTemplate first = DatabaseTemplate.builder(server).source(v1).poolSize(0).buildOwned();
        DatabaseTemplate again = DatabaseTemplate.builder(server).source(checksumAndTable(table, "v1", builds))
                .poolSize(0).buildOwned();
        DatabaseTemplate changed = DatabaseTemplate.builder(server).source(checksumAndTable(table, "v2", builds))
                .poolSize(0).buildOwned();
        try (DisposableDatabase db = first.checkout(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT count(*) FROM " + table);
            assertThat(again.name()).isEqualTo(first.name());
            assertThat(again.wasBuiltHere()).isFalse();
            assertThat(changed.name()).isNotEqualTo(first.name());
            assertThat(builds).hasValue(2);
        } finally {
            List.of(first, again, changed).forEach(DatabaseTemplate::close);
            dropTemplate(first.name());
            dropTemplate(changed.name());
        }
    }

    @Test
    void aFailingSourceIsNamedAndLeavesNoTemplateBehind() {
        TemplateSource broken = new TemplateSource() {
            @Override
            public void describe(TemplateContext context) {
                context.checksum("broken-" + System.nanoTime());
                context.onBuild(database -> {
                    throw new IllegalStateException("dump directory /tmp/nowhere has no manifest.json");
                });
            }

            @Override
            public String toString() {
                return "dump /tmp/nowhere";
            }
        };
        Throwable failure = catchThrowable(() -> DatabaseTemplate.builder(server).source(broken).build());
        assertThat(failure)
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Template source dump /tmp/nowhere failed on template database 'pgtestkit_tpl_")
                .hasMessageContaining("has no manifest.json")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        // Only this template's databases: other runs on a shared server build and drop templates meanwhile.
        Matcher named = Pattern.compile("'(pgtestkit_tpl_[0-9a-f]{16})").matcher(failure.getMessage());
        assertThat(named.find()).as("template name in: %s", failure.getMessage()).isTrue();
        assertThat(server.databases(named.group(1))).isEmpty();
    }

    @Test
    void concurrentBuildsOfOneConfigurationShareOneInstanceBuiltOnce() throws Exception {
        String table = "concurrent_" + System.nanoTime();
        AtomicInteger builds = new AtomicInteger();
        TemplateSource slow = context -> {
            context.checksum(table);
            context.onBuild(database -> {
                builds.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(300); // the other builders arrive meanwhile
                createTable(database, table);
            });
        };
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Callable<DatabaseTemplate> build = () -> DatabaseTemplate.builder(server).source(slow).poolSize(0).build();
            List<Future<DatabaseTemplate>> results = threads.invokeAll(List.of(build, build, build));
            DatabaseTemplate template = results.get(0).get();
            assertThat(results).allSatisfy(r -> assertThat(r.get()).isSameAs(template));
            assertThat(builds).hasValue(1);
            dropTemplate(template.name());
        } finally {
            threads.shutdown();
        }
    }

    private TemplateSource uniqueTable(String prefix) {
        String table = prefix + "_" + System.nanoTime();
        return new TemplateSource() {
            @Override
            public void describe(TemplateContext context) {
                context.checksum(table);
                context.onBuild(database -> createTable(database, table));
            }

            @Override
            public String toString() {
                return "table " + table;
            }
        };
    }

    private TemplateSource checksumAndTable(String table, String checksum, AtomicInteger builds) {
        return context -> {
            context.checksum(table + "-" + checksum);
            context.onBuild(database -> {
                builds.incrementAndGet();
                createTable(database, table);
            });
        };
    }

    private void createTable(String database, String table) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id int)");
        }
    }

    /** At least {@code clones} ready: a checkout that found the pool empty grows its stock (ClonePool). */
    private void awaitWarm(DatabaseTemplate template, int clones) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (template.warmClones() < clones && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(template.warmClones()).isGreaterThanOrEqualTo(clones);
    }

    private void dropTemplate(String name) {
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + name + "\" WITH IS_TEMPLATE false");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        server.dropDatabase(name);
    }
}

package dev.pgtestkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClonePoolIT {

    private final PostgresServer server = PostgresProvider.auto().shared();
    private final List<String> templates = new ArrayList<>();

    @TempDir
    Path dir;

    /**
     * Databases given back while the pool closes are dropped, on the pool's worker or on the caller's thread, and
     * never handed to a worker that has shut down (which used to throw RejectedExecutionException from close() of a
     * DisposableDatabase).
     */
    @Test
    void discardsRacingCloseAreNeverRejected() throws Exception {
        String template = DatabaseTemplate.empty(server).name();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int round = 0; round < 30 && failure.get() == null; round++) {
            ClonePool pool = new ClonePool(server, template, 0);
            CountDownLatch discarding = new CountDownLatch(1);
            AtomicBoolean stop = new AtomicBoolean();
            Thread discarder = new Thread(() -> {
                try {
                    for (int i = 0; i < 200 && !stop.get(); i++) {
                        pool.giveBack(PostgresServer.DATABASE_PREFIX + "never_created_" + i);
                        discarding.countDown();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            discarder.start();
            discarding.await();
            pool.close();
            stop.set(true);
            discarder.join();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void aCloneTakenAfterCloseIsMadeOnTheCallersThreadAndDroppedOnDiscard() {
        String template = DatabaseTemplate.empty(server).name();
        ClonePool pool = new ClonePool(server, template, 1);
        pool.close();
        String clone = pool.take();
        assertThat(server.databases(clone)).containsExactly(clone);
        pool.giveBack(clone);
        assertThat(server.databases(clone)).isEmpty();
    }

    /**
     * Hand-outs faster than a pool of 1 refills find it empty: the pool's stock grows and clones are made ahead,
     * more than the configured one; closing drops every clone made ahead (none outlives the pool).
     */
    @Test
    void backToBackHandOutsGrowTheStockAndCloseDropsEveryCloneMadeAhead() throws Exception {
        String template = ownTemplate();
        ClonePool pool = new ClonePool(server, template, 1);
        String prefix;
        try {
            String first = pool.take();
            prefix = first.substring(0, first.lastIndexOf('_') + 1);
            pool.giveBack(first);
            for (int i = 0; i < 5; i++) {
                pool.giveBack(pool.take());
            }
            assertThat(pool.misses()).as("hand-outs that found the pool empty").isPositive();
            assertThat(pool.target()).as("the stock the pool aims at").isGreaterThan(1);
            awaitReady(pool, 2);
            assertThat(pool.readyCount()).as("clones made ahead beyond the configured 1").isGreaterThanOrEqualTo(2);
            assertThat(pool.madeAhead()).isGreaterThanOrEqualTo(2);
        } finally {
            pool.close();
        }
        assertThat(server.databases(prefix)).as("clones of the pool left on the server").isEmpty();
    }

    /** After a burst, the stock shrinks back to the configured size and the surplus is dropped from the server. */
    @Test
    void anIdlePoolShrinksBackToItsConfiguredStock() throws Exception {
        String template = ownTemplate();
        try (ClonePool pool = new ClonePool(server, template, 1)) {
            String first = pool.take();
            String prefix = first.substring(0, first.lastIndexOf('_') + 1);
            pool.giveBack(first);
            for (int i = 0; i < 5; i++) {
                pool.giveBack(pool.take());
            }
            awaitReady(pool, 2);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ClonePool.IDLE_MILLIS * 4);
            while ((pool.target() > 1 || pool.readyCount() > 1 || pool.dropBacklog() > 0)
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(pool.target()).isEqualTo(1);
            assertThat(pool.readyCount()).isLessThanOrEqualTo(1);
            awaitDrops(prefix, pool.readyCount());
            assertThat(server.databases(prefix)).as("ready clones on the server").hasSize(pool.readyCount());
        }
    }

    /**
     * With {@code -Dpgtestkit.cloneStrategy=auto} on PostgreSQL 15+, both strategies are tried and one is chosen;
     * clones made with either carry the template.
     */
    @Test
    void theCloneStrategyIsChosenByMeasuringBothWhenAsked() throws Exception {
        Assumptions.assumeTrue(server.versionNum() >= 150000, "CREATE DATABASE STRATEGY needs PostgreSQL 15");
        String template = DatabaseTemplate.empty(server).name();
        String was = System.setProperty(CloneStrategy.PROPERTY, "auto");
        try (ClonePool pool = new ClonePool(server, template, 0)) {
            for (int i = 0; i < 4; i++) {
                String clone = pool.take();
                try (Connection c = server.connect(clone)) {
                    assertThat(c.isValid(5)).isTrue();
                } finally {
                    pool.giveBack(clone);
                }
            }
            assertThat(pool.strategy()).isIn("FILE_COPY", "WAL_LOG");
        } finally {
            restore(CloneStrategy.PROPERTY, was);
        }
    }

    /**
     * By default a clone is a {@code FILE_COPY} one, which requests two checkpoints as it is made (a {@code WAL_LOG}
     * clone requests none): the server's count of requested checkpoints rises by at least two.
     */
    @Test
    void clonesAreFileCopiesByDefault() throws Exception {
        Assumptions.assumeTrue(server.versionNum() >= 150000, "CREATE DATABASE STRATEGY needs PostgreSQL 15");
        Assumptions.assumeTrue(System.getProperty(CloneStrategy.PROPERTY) == null, "a strategy was set for this run");
        String template = DatabaseTemplate.empty(server).name();
        try (ClonePool pool = new ClonePool(server, template, 0)) {
            long before = checkpointsRequested();
            String clone = pool.take();
            pool.giveBack(clone);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long after = checkpointsRequested(); // the checkpointer reports its counts just after the waiters go on
            while (after - before < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                after = checkpointsRequested();
            }
            assertThat(after - before).as("checkpoints requested while one clone was made").isGreaterThanOrEqualTo(2);
        }
    }

    private long checkpointsRequested() throws Exception {
        String sql = server.versionNum() >= 170000 ? "SELECT num_requested FROM pg_stat_checkpointer"
                : "SELECT checkpoints_req FROM pg_stat_bgwriter";
        try (Connection c = server.connect(server.adminDatabase()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** A template of this test's own, so the prefix of its clones' names is the pool's alone. */
    private String ownTemplate() throws Exception {
        Path script = Files.writeString(dir.resolve("own.sql"), "-- " + UUID.randomUUID() + "\nCREATE TABLE t (id int);\n");
        String name = DatabaseTemplate.builder(server).sqlScripts(script).poolSize(0).buildOwned().name();
        templates.add(name);
        return name;
    }

    @AfterEach
    void dropOwnTemplates() throws Exception {
        try (Connection admin = server.connect(server.adminDatabase())) {
            for (String name : templates) {
                TemplateBuilder.dropTemplate(server, admin, name);
            }
        }
    }

    private static void awaitReady(ClonePool pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pool.readyCount() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private void awaitDrops(String prefix, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.databases(prefix).size() > expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}

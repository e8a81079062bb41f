package dev.pgtestkit.bench.template;

import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own floor for a database per writing test, the baseline of {@code DatabasePerTestWriting}: a clone of
 * the template made and dropped, back to back, on as many sessions as the pool has clone makers, with plain
 * {@code CREATE DATABASE … TEMPLATE} and {@code DROP DATABASE}: the best a user could write when no clone is reused.
 * A test that writes needs one such cycle, so no scheme without reuse runs more of them per second.
 */
final class CloneCycles {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private CloneCycles() {
    }

    /** Cycles per second: {@code cycles} clones made and dropped on {@code sessions} sessions at once. */
    static double perSecond(PostgresServer server, String template, String strategy, int cycles, int sessions)
            throws InterruptedException {
        String create = "CREATE DATABASE %s TEMPLATE " + Identifiers.quote(template)
                + (strategy == null ? "" : " STRATEGY " + strategy);
        AtomicInteger left = new AtomicInteger(cycles);
        ExecutorService threads = Executors.newFixedThreadPool(sessions);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                running.add(threads.submit(() -> cycle(server, create, left)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return cycles / ((System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("clone cycles on " + template + " failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static Void cycle(PostgresServer server, String create, AtomicInteger left) throws SQLException {
        try (Connection admin = server.connect(server.adminDatabase()); Statement statement = admin.createStatement()) {
            while (left.getAndDecrement() > 0) {
                String name = "bench_cycle_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
                statement.execute(String.format(create, name));
                statement.execute("DROP DATABASE " + name);
            }
        }
        return null;
    }
}

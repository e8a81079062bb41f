package dev.pgtestkit.sync.internal;

import dev.pgtestkit.sync.PgDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks over a fixed set of connections to one database, {@code jobs} at a time, each connection with the pinned
 * session settings. The first failure is thrown; closing the connections then ends the others' work, and they are
 * waited for, so nothing runs on after the caller has moved on.
 */
public final class Workers implements AutoCloseable {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Task<R> {
        R run(Connection connection) throws SQLException, IOException;
    }

    private final List<Connection> all = new ArrayList<>();
    private final BlockingQueue<Connection> idle;
    private final ExecutorService pool;

    public Workers(PgDatabase database, int jobs) throws SQLException {
        this.idle = new ArrayBlockingQueue<>(jobs);
        this.pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "pgtestkit-sync-" + database.name());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < jobs; i++) {
                Connection c = database.connect();
                all.add(c);
                Sessions.pin(c);
                idle.add(c);
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs every task, returning their results in order. */
    public <R> List<R> run(List<Task<R>> tasks) throws SQLException, IOException {
        List<Future<R>> futures = new ArrayList<>();
        for (Task<R> task : tasks) {
            futures.add(submit(task));
        }
        List<R> results = new ArrayList<>();
        try {
            for (Future<R> f : futures) {
                results.add(await(f));
            }
        } catch (SQLException | IOException | RuntimeException | Error e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return results;
    }

    /**
     * Queues one task behind those already queued (tasks may queue more: they run in the order queued); the caller
     * awaits the future, and cancels the others when one fails.
     */
    public <R> Future<R> submit(Task<R> task) {
        return pool.submit(() -> {
            Connection c = idle.take();
            try {
                return task.run(c);
            } finally {
                idle.add(c);
            }
        });
    }

    /** The future's result, with the worker's SQLException or IOException rethrown as itself. */
    public static <R> R await(Future<R> future) throws SQLException, IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) {
                throw s;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                // the work's own failure, if any, is what the caller reports
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

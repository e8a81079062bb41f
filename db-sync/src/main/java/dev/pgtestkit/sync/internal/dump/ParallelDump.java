package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.internal.Sessions;
import dev.pgtestkit.sync.internal.Workers;
import dev.pgtestkit.sync.internal.mask.MaskingPlan;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Streams the tables over {@code jobs} connections that all see the coordinator's exported snapshot (REPEATABLE
 * READ + {@code SET TRANSACTION SNAPSHOT}), largest table first so the slowest one starts early. The first failure
 * stops the rest.
 */
final class ParallelDump {

    private final PgDatabase source;
    private final String snapshot;
    private final int jobs;
    private final TableDumper dumper;
    private final MaskingPlan masking;

    ParallelDump(PgDatabase source, String snapshot, int jobs, TableDumper dumper, MaskingPlan masking) {
        this.source = source;
        this.snapshot = snapshot;
        this.jobs = jobs;
        this.dumper = dumper;
        this.masking = masking;
    }

    /** The entries, in the order of {@code plans}. */
    List<TableEntry> dump(List<TablePlan> plans) throws SQLException, IOException {
        int workers = Math.max(1, Math.min(jobs, plans.size()));
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(workers);
        List<Connection> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "pgtestkit-dump");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < workers; i++) {
                Connection c = worker();
                all.add(c);
                connections.add(c);
            }
            List<TablePlan> bySize = new ArrayList<>(plans);
            bySize.sort(Comparator.comparingLong(TablePlan::expectedBytes).reversed());
            Map<TablePlan, Future<TableEntry>> futures = new HashMap<>();
            for (TablePlan plan : bySize) {
                futures.put(plan, pool.submit(() -> {
                    Connection c = connections.take();
                    try {
                        return dumper.dump(c, plan, masking.forTable(plan.table(), plan.columns()));
                    } finally {
                        connections.add(c);
                    }
                }));
            }
            List<TableEntry> entries = new ArrayList<>();
            for (TablePlan plan : plans) {
                entries.add(Workers.await(futures.get(plan)));
            }
            return entries;
        } finally {
            // Closing the connections ends COPY streams still running after a failure; waiting for the workers
            // keeps them from writing into a directory the caller is about to delete.
            all.forEach(ParallelDump::close);
            pool.shutdownNow();
            awaitTermination(pool);
        }
    }

    private Connection worker() throws SQLException {
        Connection c = source.connect();
        try {
            Sessions.pin(c);
            DumpRun.beginSnapshot(c);
            Sessions.execute(c, "SET TRANSACTION SNAPSHOT " + Sessions.literal(snapshot));
            return c;
        } catch (SQLException | RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a failed worker; the original failure is what the caller reports
        }
    }
}

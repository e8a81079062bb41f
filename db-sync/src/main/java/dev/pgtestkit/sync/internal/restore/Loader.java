package dev.pgtestkit.sync.internal.restore;

import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.RestoreException;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.VerificationException;
import dev.pgtestkit.sync.internal.Sessions;
import dev.pgtestkit.sync.internal.Sha256;
import dev.pgtestkit.sync.internal.Workers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;

/**
 * Fills an empty database from a dump: pre-data, the tables by parallel COPY (checked against the manifest as they
 * are read, written frozen), each table's indexes and keys as soon as its data is in, the rest of post-data in order
 * (foreign keys recorded {@code NOT VALID}), then the foreign keys validated and the tables analyzed in parallel.
 */
final class Loader {

    /** The least {@code maintenance_work_mem} of each loading session: 256 MB. */
    private static final long MAINTENANCE_WORK_MEM = 256L << 20;

    private final Path directory;
    private final DumpManifest manifest;
    private final int jobs;
    private final SyncProgressListener listener;

    Loader(Path directory, DumpManifest manifest, int jobs, SyncProgressListener listener) {
        this.directory = directory;
        this.manifest = manifest;
        this.jobs = jobs;
        this.listener = listener;
    }

    /** Loads everything into {@code database}; returns the data bytes read. */
    long load(PgDatabase database) throws SQLException, IOException {
        String pre = script(DumpLayout.PRE_DATA);
        String post = script(DumpLayout.POST_DATA);
        phase(SyncEvent.Type.PHASE_STARTED, Phase.SCHEMA, 0);
        try (Connection c = database.connect()) {
            Sessions.pin(c);
            run(c, pre, DumpLayout.PRE_DATA);
        }
        phase(SyncEvent.Type.PHASE_FINISHED, Phase.SCHEMA, 0);
        PostData plan = PostData.of(Statements.split(post));
        try (Workers workers = new Workers(database, jobs)) {
            workers.run(java.util.Collections.nCopies(jobs, c -> {
                Sessions.execute(c, "SET synchronous_commit = off");
                // Index builds sort in memory rather than in temporary files (pg_restore keeps the server's 64 MB).
                Sessions.execute(c, "SELECT set_config('maintenance_work_mem', greatest(pg_size_bytes("
                        + "current_setting('maintenance_work_mem')), " + MAINTENANCE_WORK_MEM + ") / 1024 || 'kB',"
                        + " false)");
                return null;
            }));
            PostData.Relations relations = workers.run(List.<Workers.Task<PostData.Relations>>of(c ->
                    PostData.Relations.read(c, manifest.tables(), plan.names()))).get(0);
            loadDataAndIndexes(workers, plan, relations);
            // Foreign keys: recorded NOT VALID in script order with the rest, then validated in parallel (a
            // validation locks the referenced table only against writes, so they do not wait for each other).
            workers.run(List.of(c -> {
                run(c, String.join("\n", plan.rest(relations)), DumpLayout.POST_DATA);
                return null;
            }));
            List<Workers.Task<Void>> last = new ArrayList<>();
            for (Statements.ForeignKey fk : plan.foreignKeys(relations)) {
                last.add(c -> {
                    run(c, fk.validate(), DumpLayout.POST_DATA + " (" + fk.statement().strip() + ")");
                    return null;
                });
            }
            for (TableEntry t : manifest.tables()) {
                last.add(c -> {
                    Sessions.execute(c, "ANALYZE " + t.table().quoted());
                    return null;
                });
            }
            workers.run(last);
            phase(SyncEvent.Type.PHASE_FINISHED, Phase.POST_DATA, 0);
        }
        return manifest.totalBytes();
    }

    /**
     * The tables' data, biggest first, and each table's indexes as soon as its data is in (queued behind the data
     * still waiting, so the connections never idle while one loads the biggest table); then the indexes whose table
     * could not be told.
     */
    private void loadDataAndIndexes(Workers workers, PostData plan, PostData.Relations relations) throws SQLException,
            IOException {
        phase(SyncEvent.Type.PHASE_STARTED, Phase.DATA, manifest.totalBytes());
        TableLoader loader = new TableLoader(directory, listener);
        List<TableEntry> bySize = new ArrayList<>(manifest.tables());
        bySize.sort(Comparator.comparingLong(TableEntry::bytes).reversed());
        Map<Long, List<String>> indexes = plan.indexesByTable(relations);
        Queue<Future<Void>> indexBuilds = new ConcurrentLinkedQueue<>();
        List<Future<List<String>>> loads = new ArrayList<>();
        List<Future<?>> all = new ArrayList<>();
        for (TableEntry t : bySize) {
            Long oid = relations.oid(t.table().quoted());
            List<String> own = oid == null ? List.of() : indexes.getOrDefault(oid, List.of());
            loads.add(workers.submit(c -> {
                List<String> differences = load(loader, c, t, relations.isPlainTable(oid));
                if (differences.isEmpty()) {
                    for (String index : own) {
                        indexBuilds.add(workers.submit(ic -> {
                            run(ic, index, DumpLayout.POST_DATA);
                            return null;
                        }));
                    }
                }
                return differences;
            }));
        }
        try {
            List<String> differences = new ArrayList<>();
            for (Future<List<String>> f : loads) {
                differences.addAll(Workers.await(f));
            }
            if (!differences.isEmpty()) {
                differences.sort(null);
                throw new VerificationException("The dump at " + directory + " does not match its manifest; nothing"
                        + " was restored. Dump again, or fetch the dump again:", differences);
            }
            phase(SyncEvent.Type.PHASE_FINISHED, Phase.DATA, manifest.totalBytes());
            phase(SyncEvent.Type.PHASE_STARTED, Phase.POST_DATA, 0);
            for (String index : plan.unplacedIndexes(relations)) {
                indexBuilds.add(workers.submit(c -> {
                    run(c, index, DumpLayout.POST_DATA);
                    return null;
                }));
            }
            for (Future<Void> f : indexBuilds) {
                Workers.await(f);
            }
        } finally {
            all.addAll(loads);
            all.addAll(indexBuilds);
            all.forEach(f -> f.cancel(true)); // no-op for the finished ones; stops the rest after a failure
        }
    }

    private List<String> load(TableLoader loader, Connection c, TableEntry t, boolean freeze) throws SQLException,
            IOException {
        try {
            return loader.load(c, t, freeze);
        } catch (SQLException e) {
            // A damaged file often fails COPY before its checksum is complete: report the damage, not the symptom.
            List<String> damage = TableLoader.checkFiles(directory, t);
            if (damage.isEmpty()) {
                throw e;
            }
            return damage;
        }
    }

    /** A schema script, checked against the manifest before it runs (a changed script could run anything). */
    private String script(String path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(directory.resolve(path));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new VerificationException("The dump at " + directory + " is incomplete; nothing was restored:",
                    List.of(path + ": missing"));
        }
        String sha = Sha256.hex(bytes);
        boolean listed = manifest.schemaFiles().stream().anyMatch(f -> f.path().equals(path)
                && f.sha256().equals(sha));
        if (!listed) {
            throw new VerificationException("The dump at " + directory + " does not match its manifest; nothing was"
                    + " restored:", List.of(path + ": SHA-256 " + sha + " is not the manifest's (changed)"));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void run(Connection c, String sql, String origin) throws SQLException {
        if (sql.isBlank()) {
            return;
        }
        try {
            Sessions.execute(c, sql);
        } catch (SQLException e) {
            throw new RestoreException("Running " + origin + " failed: " + e.getMessage() + (sql.length() < 300
                    ? " (statement: " + sql.strip() + ")" : ""), e);
        }
    }

    private void phase(SyncEvent.Type type, Phase phase, long bytes) {
        listener.onEvent(new SyncEvent(type, phase, null, 0, bytes, bytes, null));
    }
}

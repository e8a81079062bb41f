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

/**
 * Fills an empty database from a dump: pre-data, the tables by parallel COPY (checked against the manifest as they
 * are read), post-data (indexes and keys built in parallel, then the rest in order), {@code ANALYZE}.
 */
final class Loader {

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
        try (Workers workers = new Workers(database, jobs)) {
            loadData(workers);
            phase(SyncEvent.Type.PHASE_STARTED, Phase.POST_DATA, 0);
            List<String> statements = Statements.split(post);
            List<Workers.Task<Void>> indexes = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String s : statements) {
                if (Statements.buildsIndex(s)) {
                    indexes.add(c -> {
                        run(c, s, DumpLayout.POST_DATA);
                        return null;
                    });
                } else {
                    rest.add(s);
                }
            }
            workers.run(indexes);
            workers.run(List.of(c -> {
                run(c, String.join("\n", rest), DumpLayout.POST_DATA);
                return null;
            }));
            workers.run(manifest.tables().stream().<Workers.Task<Void>>map(t -> c -> {
                Sessions.execute(c, "ANALYZE " + t.table().quoted());
                return null;
            }).toList());
            phase(SyncEvent.Type.PHASE_FINISHED, Phase.POST_DATA, 0);
        }
        return manifest.totalBytes();
    }

    private void loadData(Workers workers) throws SQLException, IOException {
        phase(SyncEvent.Type.PHASE_STARTED, Phase.DATA, manifest.totalBytes());
        TableLoader loader = new TableLoader(directory, listener);
        List<TableEntry> bySize = new ArrayList<>(manifest.tables());
        bySize.sort(Comparator.comparingLong(TableEntry::bytes).reversed());
        List<List<String>> results = workers.run(bySize.stream().<Workers.Task<List<String>>>map(t -> c -> {
            Sessions.execute(c, "SET synchronous_commit = off");
            try {
                return loader.load(c, t);
            } catch (SQLException e) {
                // A damaged file often fails COPY before its checksum is complete: report the damage, not the symptom.
                List<String> damage = TableLoader.checkFiles(directory, t);
                if (damage.isEmpty()) {
                    throw e;
                }
                return damage;
            }
        }).toList());
        List<String> differences = new ArrayList<>();
        results.forEach(differences::addAll);
        if (!differences.isEmpty()) {
            differences.sort(null);
            throw new VerificationException("The dump at " + directory + " does not match its manifest; nothing was"
                    + " restored. Dump again, or fetch the dump again:", differences);
        }
        phase(SyncEvent.Type.PHASE_FINISHED, Phase.DATA, manifest.totalBytes());
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

package dev.pgtestkit.sync.internal.restore;

import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.internal.Sessions;
import dev.pgtestkit.sync.internal.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads one table's data files with {@code COPY ... FROM STDIN}, hashing and counting the bytes as they are sent, and
 * compares them with the manifest: a restore checks exactly what it loaded.
 */
final class TableLoader {

    private static final long PROGRESS_BYTES = 4L << 20;

    private final Path directory;
    private final SyncProgressListener listener;

    TableLoader(Path directory, SyncProgressListener listener) {
        this.directory = directory;
        this.listener = listener;
    }

    /**
     * Loads the table; returns the differences from the manifest (empty when it matches). With {@code freeze} (a
     * plain table of the new database, nobody else connected) the rows are written frozen: {@code TRUNCATE ONLY} and
     * {@code COPY ... (FREEZE)} in one transaction, so no later scan (index builds, foreign keys, ANALYZE, verify)
     * rewrites every page to set hint bits. Still WAL-logged: as durable as a plain COPY.
     */
    List<String> load(Connection connection, TableEntry table, boolean freeze) throws SQLException, IOException {
        if (!freeze) {
            return copy(connection, table, false);
        }
        connection.setAutoCommit(false);
        boolean done = false;
        try {
            Sessions.execute(connection, "TRUNCATE ONLY " + table.table().quoted());
            List<String> differences = copy(connection, table, true);
            if (differences.isEmpty()) {
                connection.commit();
                done = true;
            }
            return differences;
        } finally {
            if (!done) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        }
    }

    private List<String> copy(Connection connection, TableEntry table, boolean freeze) throws SQLException,
            IOException {
        listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_STARTED, Phase.DATA, table.table(), 0, 0, table.bytes(),
                null));
        String columns = table.columns().stream().map(Sessions::quote).collect(Collectors.joining(", "));
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.table().quoted()
                + " (" + columns + ") FROM STDIN" + (freeze ? " (FREEZE)" : ""));
        List<String> differences = new ArrayList<>();
        // One digest of the table's bytes (the manifest's table SHA-256) and per-file sizes; only on a mismatch are
        // the files re-read to name the one that changed.
        MessageDigest whole = Sha256.digest();
        long bytes = 0;
        long rows;
        try {
            byte[] buffer = new byte[1 << 16];
            long reported = 0;
            for (FileEntry f : table.files()) {
                long fileBytes = 0;
                try (InputStream in = Files.newInputStream(directory.resolve(f.path()))) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        copy.writeToCopy(buffer, 0, n);
                        whole.update(buffer, 0, n);
                        fileBytes += n;
                        bytes += n;
                        if (bytes - reported >= PROGRESS_BYTES) {
                            reported = bytes;
                            listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_PROGRESS, Phase.DATA, table.table(),
                                    0, bytes, table.bytes(), null));
                        }
                    }
                } catch (NoSuchFileException e) {
                    differences.add(f.path() + ": missing");
                    continue;
                }
                if (fileBytes != f.bytes()) {
                    differences.add(f.path() + ": " + fileBytes + " bytes, the manifest says " + f.bytes()
                            + (fileBytes < f.bytes() ? " (truncated)" : ""));
                }
            }
            if (differences.isEmpty() && !Sha256.hex(whole).equals(table.sha256())) {
                differences.addAll(checkFiles(directory, table));
                if (differences.isEmpty()) {
                    differences.add(table.table() + ": the SHA-256 of its files differs from the manifest's");
                }
            }
            if (!differences.isEmpty()) {
                copy.cancelCopy();
                return differences;
            }
            rows = copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (rows != table.rows()) {
            differences.add(table.table() + ": " + rows + " rows loaded, the manifest says " + table.rows());
        }
        listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_FINISHED, Phase.DATA, table.table(), rows, bytes,
                table.bytes(), null));
        return differences;
    }

    /** The differences between a table's files and the manifest, read without loading. */
    static List<String> checkFiles(Path directory, TableEntry table) throws IOException {
        List<String> differences = new ArrayList<>();
        for (FileEntry f : table.files()) {
            Path file = directory.resolve(f.path());
            if (!Files.exists(file)) {
                differences.add(f.path() + ": missing");
                continue;
            }
            byte[] buffer = new byte[1 << 16];
            MessageDigest digest = Sha256.digest();
            long bytes = 0;
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    bytes += n;
                }
            }
            String sha = Sha256.hex(digest);
            if (bytes != f.bytes()) {
                differences.add(f.path() + ": " + bytes + " bytes, the manifest says " + f.bytes()
                        + (bytes < f.bytes() ? " (truncated)" : ""));
            } else if (!sha.equals(f.sha256())) {
                differences.add(f.path() + ": SHA-256 " + sha + ", the manifest says " + f.sha256() + " (changed)");
            }
        }
        return differences;
    }
}

package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.internal.Sha256;
import dev.pgtestkit.sync.internal.mask.RowMasker;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams one table through {@code COPY (SELECT ... ORDER BY key) TO STDOUT} into its data file(s): row by row (the
 * server sends one row per message), masked on the way, hashed while written, split into numbered chunks past the
 * chunk size. Never holds more than one row.
 */
final class TableDumper {

    private static final long PROGRESS_BYTES = 4L << 20;

    private final Path directory;
    private final long chunkBytes;
    private final SyncProgressListener listener;

    TableDumper(Path directory, long chunkBytes, SyncProgressListener listener) {
        this.directory = directory;
        this.chunkBytes = chunkBytes;
        this.listener = listener;
    }

    TableEntry dump(Connection connection, TablePlan plan, RowMasker masker) throws SQLException, IOException {
        listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_STARTED, Phase.DATA, plan.table(), 0, 0,
                plan.expectedBytes(), null));
        Chunks chunks = new Chunks(plan);
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + plan.select()
                + ") TO STDOUT");
        try {
            long reported = 0;
            for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                chunks.write(masker == null ? row : masker.apply(row));
                if (chunks.bytes - reported >= PROGRESS_BYTES) {
                    reported = chunks.bytes;
                    listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_PROGRESS, Phase.DATA, plan.table(),
                            chunks.rows, chunks.bytes, plan.expectedBytes(), null));
                }
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            chunks.closeCurrent();
        }
        long leftOut = plan.leftOutCount() == null ? 0 : count(connection, plan.leftOutCount());
        TableEntry entry = new TableEntry(plan.table(), plan.columns(), plan.orderBy(), plan.userWhere(), chunks.rows,
                chunks.bytes, Sha256.hex(chunks.tableDigest), leftOut, chunks.finish(), sortKeyMasked(plan, masker));
        listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_FINISHED, Phase.DATA, plan.table(), entry.rows(),
                entry.bytes(), plan.expectedBytes(), null));
        return entry;
    }

    /**
     * Whether masking changed a column the rows are sorted by (the whole row when there is no key): the file then
     * holds the rows in the original values' order, which the masked values no longer follow.
     */
    private static boolean sortKeyMasked(TablePlan plan, RowMasker masker) {
        if (masker == null) {
            return false;
        }
        List<String> key = plan.orderBy().isEmpty() ? plan.columns() : plan.orderBy();
        return key.stream().anyMatch(c -> masker.masks(plan.columns().indexOf(c)));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The table's files: the first is unnumbered until a second is needed, then all are numbered. */
    private final class Chunks {
        private final TablePlan plan;
        private final MessageDigest tableDigest = Sha256.digest();
        private final List<FileEntry> done = new ArrayList<>();
        private OutputStream out;
        private MessageDigest digest;
        private long rows;
        private long bytes;
        private long fileRows;
        private long fileBytes;

        Chunks(TablePlan plan) throws IOException {
            this.plan = plan;
            open();
        }

        void write(byte[] row) throws IOException {
            if (fileBytes >= chunkBytes) {
                closeCurrent();
                if (done.size() == 1) {
                    renumberFirst();
                }
                open();
            }
            out.write(row);
            digest.update(row);
            tableDigest.update(row);
            rows++;
            fileRows++;
            bytes += row.length;
            fileBytes += row.length;
        }

        private void open() throws IOException {
            String path = DumpLayout.dataFile(plan.table(), done.isEmpty() ? 0 : done.size() + 1);
            out = new BufferedOutputStream(Files.newOutputStream(directory.resolve(path),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
            digest = Sha256.digest();
            fileRows = 0;
            fileBytes = 0;
        }

        void closeCurrent() throws IOException {
            if (out == null) {
                return;
            }
            out.close();
            out = null;
            done.add(new FileEntry(DumpLayout.dataFile(plan.table(), done.isEmpty() ? 0 : done.size() + 1),
                    fileRows, fileBytes, Sha256.hex(digest)));
        }

        private void renumberFirst() throws IOException {
            FileEntry first = done.get(0);
            String numbered = DumpLayout.dataFile(plan.table(), 1);
            Files.move(directory.resolve(first.path()), directory.resolve(numbered));
            done.set(0, new FileEntry(numbered, first.rows(), first.bytes(), first.sha256()));
        }

        List<FileEntry> finish() {
            return List.copyOf(done);
        }
    }
}

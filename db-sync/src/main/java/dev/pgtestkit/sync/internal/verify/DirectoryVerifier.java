package dev.pgtestkit.sync.internal.verify;

import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.VerificationException;
import dev.pgtestkit.sync.VerifyResult;
import dev.pgtestkit.sync.internal.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code verify(dir)}: every file against the manifest (presence, size, SHA-256, lines), and no stray data files. */
public final class DirectoryVerifier {

    private final Path directory;
    private final SyncProgressListener listener;

    public DirectoryVerifier(Path directory, SyncProgressListener listener) {
        this.directory = directory;
        this.listener = listener;
    }

    public VerifyResult verify() {
        long start = System.nanoTime();
        DumpManifest manifest = DumpManifest.read(directory);
        List<String> differences = new ArrayList<>();
        listener.onEvent(new SyncEvent(SyncEvent.Type.PHASE_STARTED, Phase.VERIFY, null, 0, 0, manifest.totalBytes(), null));
        for (FileEntry f : manifest.schemaFiles()) {
            check(f, false, differences);
        }
        List<String> tables = new ArrayList<>();
        for (TableEntry t : manifest.tables()) {
            listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_STARTED, Phase.VERIFY, t.table(), 0, 0, t.bytes(), null));
            MessageDigest whole = Sha256.digest();
            long rows = 0;
            for (FileEntry f : t.files()) {
                rows += check(f, true, differences, whole);
            }
            String sha = Sha256.hex(whole);
            if (rows != t.rows()) {
                differences.add(t.table() + ": " + rows + " rows in its files, the manifest says " + t.rows());
            } else if (!sha.equals(t.sha256())) {
                differences.add(t.table() + ": its files' SHA-256 is " + sha + ", the manifest says " + t.sha256());
            }
            tables.add(t.table().toString());
            listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_FINISHED, Phase.VERIFY, t.table(), rows, t.bytes(), t.bytes(),
                    null));
        }
        strayFiles(manifest, differences);
        if (!differences.isEmpty()) {
            throw new VerificationException("The dump at " + directory + " does not match its manifest ("
                    + differences.size() + " difference(s)); it was damaged or changed after it was written. Dump"
                    + " again, or fetch it again:", differences);
        }
        listener.onEvent(new SyncEvent(SyncEvent.Type.PHASE_FINISHED, Phase.VERIFY, null, manifest.totalRows(),
                manifest.totalBytes(), manifest.totalBytes(), null));
        return new VerifyResult(tables, manifest.totalRows(), manifest.totalBytes(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private long check(FileEntry f, boolean data, List<String> differences) {
        return check(f, data, differences, Sha256.digest());
    }

    /** Checks one file, feeding its bytes to {@code whole} too; returns its line count. */
    private long check(FileEntry f, boolean data, List<String> differences, MessageDigest whole) {
        Path file = directory.resolve(f.path());
        MessageDigest digest = Sha256.digest();
        long bytes = 0;
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                whole.update(buffer, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            differences.add(f.path() + ": missing");
            return 0;
        } catch (IOException e) {
            differences.add(f.path() + ": unreadable (" + e.getMessage() + ")");
            return 0;
        }
        String sha = Sha256.hex(digest);
        if (bytes != f.bytes()) {
            differences.add(f.path() + ": " + bytes + " bytes, the manifest says " + f.bytes()
                    + (bytes < f.bytes() ? " (truncated)" : ""));
        } else if (!sha.equals(f.sha256())) {
            differences.add(f.path() + ": SHA-256 " + sha + ", the manifest says " + f.sha256() + " (changed)");
        } else if (data && lines != f.rows()) {
            differences.add(f.path() + ": " + lines + " rows, the manifest says " + f.rows());
        }
        return lines;
    }

    private void strayFiles(DumpManifest manifest, List<String> differences) {
        Set<String> listed = new HashSet<>();
        manifest.files().forEach(f -> listed.add(f.path()));
        Path data = directory.resolve(DumpLayout.DATA);
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> files = Files.list(data)) {
            files.map(p -> DumpLayout.DATA + "/" + p.getFileName()).filter(p -> !listed.contains(p)).sorted()
                    .forEach(p -> differences.add(p + ": not in the manifest"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

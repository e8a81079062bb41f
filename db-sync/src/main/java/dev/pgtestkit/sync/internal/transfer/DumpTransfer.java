package dev.pgtestkit.sync.internal.transfer;

import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.RemoteSyncException;
import dev.pgtestkit.sync.TransferResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Copies one dump directory between two stores so that the destination's dump is never damaged:
 *
 * <ol>
 *   <li>files are staged into {@code .<name>.incoming} beside the destination, each written to a {@code .part}
 *       file and renamed when complete and its size and SHA-256 match the source's manifest;</li>
 *   <li>a file the destination's current dump already has with the same SHA-256 is reused, not sent;</li>
 *   <li>an interrupted run leaves the staging directory: the next run of the same source dump keeps its finished
 *       files and continues each {@code .part} where it stopped;</li>
 *   <li>only when every file is there (and the staged dump verifies) the destination is swapped: the old dump is
 *       renamed away, the staged one into place, the old one deleted. A crash between the two renames is repaired
 *       at the next run.</li>
 * </ol>
 */
public final class DumpTransfer {

    static final String MANIFEST = "manifest.json";
    private static final int BUFFER = 256 * 1024;

    private final String database;
    private final DumpStore from;
    private final String fromDir;
    private final DumpStore to;
    private final String toDir;

    /**
     * @param fromDir the source dump directory, relative to {@code from}'s root
     * @param toDir   the destination dump directory, relative to {@code to}'s root (a single path segment's parent
     *                must exist or be creatable)
     */
    public DumpTransfer(String database, DumpStore from, String fromDir, DumpStore to, String toDir) {
        this.database = database;
        this.from = from;
        this.fromDir = fromDir;
        this.to = to;
        this.toDir = toDir;
    }

    /**
     * Runs the transfer.
     *
     * @param verifyStaged checks the complete staged dump before it replaces the destination's (the engine's
     *                     verifier for a local destination); it throws to refuse the swap
     */
    public TransferResult run(Consumer<String> verifyStaged) {
        String staging = sibling(".incoming");
        try {
            repairInterruptedSwap();
            byte[] manifest = from.readAll(fromDir + "/" + MANIFEST);
            if (manifest == null) {
                throw new RemoteSyncException("No dump of '" + database + "' at " + from.describe(fromDir) + " ("
                        + MANIFEST + " is missing): dump it there first, or give the right directory");
            }
            if (Arrays.equals(manifest, to.readAll(toDir + "/" + MANIFEST))) {
                return new TransferResult(database, from.describe(fromDir), to.describe(toDir), 0, 0, 0, 0, true);
            }
            Map<String, FileEntry> wanted = byPath(DumpManifest.parse(manifest, from.describe(fromDir + "/"
                    + MANIFEST)));
            byte[] current = to.readAll(toDir + "/" + MANIFEST);
            Map<String, FileEntry> have = current == null ? Map.of()
                    : byPath(DumpManifest.parse(current, to.describe(toDir + "/" + MANIFEST)));
            prepareStaging(staging, manifest);
            Counts counts = new Counts();
            for (String file : files(wanted)) {
                copyFile(file, wanted.get(file), have.get(file), staging, counts);
            }
            removeLeftovers(staging, wanted);
            verifyStaged.accept(staging);
            swap(staging);
            return new TransferResult(database, from.describe(fromDir), to.describe(toDir), counts.transferred,
                    counts.bytes, counts.reused, counts.resumed, false);
        } catch (IOException e) {
            throw new RemoteSyncException("The transfer of '" + database + "' from " + from.describe(fromDir)
                    + " to " + to.describe(toDir) + " was interrupted (" + e.getMessage() + "). Nothing was"
                    + " replaced; run it again to resume where it stopped.", e);
        }
    }

    private static Map<String, FileEntry> byPath(DumpManifest manifest) {
        Map<String, FileEntry> files = new LinkedHashMap<>();
        manifest.files().forEach(f -> files.put(f.path(), f));
        return files;
    }

    private void prepareStaging(String staging, byte[] manifest) throws IOException {
        byte[] staged = to.readAll(staging + "/" + MANIFEST);
        if (staged != null && Arrays.equals(staged, manifest)) {
            return;
        }
        // Left by a transfer of another dump: nothing in it can be trusted for this one.
        to.delete(staging);
        try (OutputStream out = to.openAppend(staging + "/" + MANIFEST + ".part")) {
            out.write(manifest);
        }
        to.rename(staging + "/" + MANIFEST + ".part", staging + "/" + MANIFEST);
    }

    /** The manifest's files and any other file of the source dump (checked by size only: they are not listed). */
    private List<String> files(Map<String, FileEntry> wanted) throws IOException {
        TreeSet<String> files = new TreeSet<>(wanted.keySet());
        for (String file : from.listFiles(fromDir)) {
            if (!file.equals(MANIFEST) && !file.endsWith(".part")) {
                files.add(file);
            }
        }
        files.forEach(this::checkPath);
        return List.copyOf(files);
    }

    private void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || Arrays.asList(path.split("/", -1)).stream().anyMatch(p -> p.isEmpty() || p.equals("..")
                || p.equals("."))) {
            throw new RemoteSyncException("The dump at " + from.describe(fromDir) + " lists the file '" + path
                    + "', which is not a plain path inside the dump; refusing to write it.");
        }
    }

    private void copyFile(String file, FileEntry want, FileEntry have, String staging, Counts counts)
            throws IOException {
        String target = staging + "/" + file;
        if (want != null && to.size(target) == want.bytes()) {
            counts.reused++; // staged (and verified) by an interrupted run of this same transfer
            return;
        }
        String existing = toDir + "/" + file;
        if (want != null && want.equals(have) && to.size(existing) == want.bytes()
                && to.copyWithin(existing, target)) {
            counts.reused++;
            return;
        }
        transfer(fromDir + "/" + file, target, want, counts);
    }

    private void transfer(String source, String target, FileEntry want, Counts counts) throws IOException {
        String part = target + ".part";
        long offset = Math.max(0, to.size(part));
        if (want == null || offset > want.bytes()) {
            to.delete(part);
            offset = 0;
        }
        MessageDigest sha = sha256();
        if (offset > 0) {
            try (InputStream kept = to.openRead(part, 0)) {
                digest(kept, sha, offset);
            }
            counts.resumed += offset;
        }
        try (InputStream in = from.openRead(source, offset); OutputStream out = to.openAppend(part)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                counts.bytes += n;
            }
        }
        counts.transferred++;
        long size = to.size(part);
        String actual = HexFormat.of().formatHex(sha.digest());
        if (want != null && (size != want.bytes() || !actual.equals(want.sha256()))) {
            to.delete(part);
            throw new RemoteSyncException(from.describe(source) + " does not match its manifest (expected "
                    + want.bytes() + " bytes with SHA-256 " + want.sha256() + ", received " + size + " bytes with "
                    + actual + "). The source dump is damaged or was rewritten during the transfer: verify it there"
                    + " (or dump it again) and run the transfer again. Nothing was replaced.");
        }
        to.rename(part, target);
    }

    private static void digest(InputStream in, MessageDigest sha, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("a partial file ended early");
            }
            sha.update(buffer, 0, n);
            left -= n;
        }
    }

    private void removeLeftovers(String staging, Map<String, FileEntry> wanted) throws IOException {
        TreeSet<String> keep = new TreeSet<>(files(wanted));
        keep.add(MANIFEST);
        for (String file : to.listFiles(staging)) {
            if (!keep.contains(file)) {
                to.delete(staging + "/" + file);
            }
        }
    }

    private void swap(String staging) throws IOException {
        String old = sibling(".replaced");
        to.delete(old);
        if (to.isDirectory(toDir)) {
            to.rename(toDir, old);
        }
        to.rename(staging, toDir);
        to.delete(old);
    }

    /** A swap that stopped between its two renames left the old dump renamed away: put it back. */
    private void repairInterruptedSwap() throws IOException {
        String old = sibling(".replaced");
        if (!to.isDirectory(toDir) && to.isDirectory(old)) {
            to.rename(old, toDir);
        }
    }

    private String sibling(String suffix) {
        int slash = toDir.lastIndexOf('/');
        String parent = slash < 0 ? "" : toDir.substring(0, slash + 1);
        return parent + "." + toDir.substring(slash + 1) + suffix;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static final class Counts {
        int transferred;
        int reused;
        long bytes;
        long resumed;
    }
}

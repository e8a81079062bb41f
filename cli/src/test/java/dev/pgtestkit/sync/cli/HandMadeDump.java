package dev.pgtestkit.sync.cli;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.DumpManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dump directory in db-sync's format written by the test itself (schema scripts, one data file per table, the
 * manifest with every size and SHA-256), to exercise verify without depending on the dumper.
 */
final class HandMadeDump {

    private HandMadeDump() {
    }

    /** {@code tables}: qualified name (schema.table) to its COPY text lines. */
    static Path write(Path directory, String preData, Map<String, List<String>> tables) throws IOException {
        Files.createDirectories(directory.resolve(DumpLayout.DATA));
        List<DumpManifest.FileEntry> schema = List.of(
                file(directory, DumpLayout.PRE_DATA, preData, 0),
                file(directory, DumpLayout.POST_DATA, "", 0));
        List<DumpManifest.TableEntry> entries = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : tables.entrySet()) {
            String[] parts = t.getKey().split("\\.", 2);
            QualifiedName name = QualifiedName.of(parts[0], parts[1]);
            String text = t.getValue().isEmpty() ? "" : String.join("\n", t.getValue()) + "\n";
            DumpManifest.FileEntry data = file(directory, DumpLayout.dataFile(name, 0), text, t.getValue().size());
            entries.add(new DumpManifest.TableEntry(name, List.of("id", "name"), List.of("id"), null,
                    t.getValue().size(), data.bytes(), data.sha256(), 0, List.of(data)));
        }
        DumpManifest manifest = new DumpManifest(DumpManifest.FORMAT_VERSION, "test", "17", "shop",
                sha256("cluster"), Instant.parse("2026-12-03T10:00:00Z"), "built-in",
                sha256(preData), null, sha256(tables.toString()), schema, entries);
        Files.write(directory.resolve(DumpLayout.MANIFEST), manifest.toJson());
        return directory;
    }

    static Map<String, List<String>> shop() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("public.customers", List.of("1\tAda", "2\tGrace", "3\tEdsger"));
        tables.put("public.orders", List.of("10\tfirst", "11\tsecond"));
        return tables;
    }

    private static DumpManifest.FileEntry file(Path directory, String path, String text, long rows)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new DumpManifest.FileEntry(path, rows, bytes.length, sha256(bytes));
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.cli.internal.progress.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a dump is summed up in the commands' results, as text and as JSON. */
final class Summaries {

    private Summaries() {
    }

    /** {@code 12 tables, 1,234 rows, 5.6 MB (snapshot 2026-12-03T11:00:00Z, masked)} and one line per table. */
    static String manifestText(DumpManifest manifest) {
        StringBuilder text = new StringBuilder()
                .append(manifest.tables().size()).append(manifest.tables().size() == 1 ? " table, " : " tables, ")
                .append(Units.count(manifest.totalRows())).append(" rows, ").append(Units.bytes(manifest.totalBytes()))
                .append(" (snapshot ").append(manifest.snapshotTime())
                .append(manifest.maskingPolicyHash() != null ? ", masked" : "").append(")\n");
        int width = manifest.tables().stream().mapToInt(t -> t.table().toString().length()).max().orElse(0);
        for (DumpManifest.TableEntry t : manifest.tables()) {
            String name = t.table().toString();
            text.append("  ").append(name).append(" ".repeat(width - name.length()))
                    .append(String.format("  %12s rows  %10s", Units.count(t.rows()), Units.bytes(t.bytes())));
            if (t.rowsLeftOut() > 0) {
                text.append("  (").append(Units.count(t.rowsLeftOut())).append(" left out: their parents were)");
            }
            text.append('\n');
        }
        return text.toString();
    }

    static Map<String, Object> manifestJson(Path directory, DumpManifest manifest) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("directory", directory.toString());
        doc.put("sourceDatabase", manifest.sourceDatabase());
        doc.put("snapshotTime", String.valueOf(manifest.snapshotTime()));
        doc.put("masked", manifest.maskingPolicyHash() != null);
        doc.put("contentHash", manifest.contentHash());
        doc.put("rows", manifest.totalRows());
        doc.put("bytes", manifest.totalBytes());
        doc.put("tables", manifest.tables().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", t.table().toString());
            m.put("rows", t.rows());
            m.put("bytes", t.bytes());
            m.put("rowsLeftOut", t.rowsLeftOut());
            m.put("where", t.where());
            return m;
        }).toList());
        return doc;
    }
}

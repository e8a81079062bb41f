package dev.pgtestkit.sync.internal.git;

import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The line a commit message gets for one database's dump: its size and the tables that changed since HEAD. */
final class CommitSummary {

    private static final int MAX_LISTED = 15;

    private CommitSummary() {
    }

    /**
     * {@code prod: 3 tables, 1,800 rows; changed: public.orders (700 → 800 rows); added: public.audit}.
     *
     * @param before the dump at HEAD, or {@code null} when HEAD has none
     */
    static String line(String database, DumpManifest before, DumpManifest after) {
        String size = String.format(Locale.ROOT, "%s: %d tables, %,d rows", database, after.tables().size(),
                after.totalRows());
        if (before == null) {
            return size + " (first dump)";
        }
        Map<String, TableEntry> old = before.tables().stream().collect(Collectors.toMap(CommitSummary::name,
                Function.identity(), (a, b) -> a));
        Map<String, TableEntry> now = after.tables().stream().collect(Collectors.toMap(CommitSummary::name,
                Function.identity(), (a, b) -> a));
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (TableEntry t : after.tables()) {
            TableEntry was = old.get(name(t));
            if (was == null) {
                added.add(name(t));
            } else if (!was.sha256().equals(t.sha256())) {
                changed.add(was.rows() == t.rows() ? name(t)
                        : String.format(Locale.ROOT, "%s (%,d → %,d rows)", name(t), was.rows(), t.rows()));
            }
        }
        List<String> removed = before.tables().stream().map(CommitSummary::name).filter(n -> !now.containsKey(n))
                .toList();
        StringBuilder line = new StringBuilder(size);
        append(line, "changed", changed);
        append(line, "added", added);
        append(line, "removed", removed);
        if (changed.isEmpty() && added.isEmpty() && removed.isEmpty()) {
            line.append("; no table changed (schema or snapshot only)");
        }
        return line.toString();
    }

    private static String name(TableEntry table) {
        return table.table().schema() + "." + table.table().name();
    }

    private static void append(StringBuilder line, String label, List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        List<String> shown = tables.size() > MAX_LISTED ? tables.subList(0, MAX_LISTED) : tables;
        line.append("; ").append(label).append(": ").append(String.join(", ", shown));
        if (shown.size() < tables.size()) {
            line.append(" and ").append(tables.size() - shown.size()).append(" more");
        }
    }
}

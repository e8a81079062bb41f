package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.GenerationException;
import java.util.List;

/** Finds the foreign key a per-parent count goes through. */
final class ForeignKeys {

    private ForeignKeys() {
    }

    /**
     * @param parentTable the parent's name as the caller gave it, or {@code null}
     * @param column      one of the foreign key's columns, or its constraint name, or {@code null}
     * @throws GenerationException when none or several match, listing the candidates
     */
    static ForeignKey find(SchemaView registry, Table table, String parentTable, String column) {
        List<ForeignKey> candidates = table.foreignKeys();
        if (parentTable != null) {
            Table parent = registry.table(parentTable);
            candidates = candidates.stream().filter(fk -> fk.referencedTable().equals(parent.name())).toList();
        }
        if (column != null) {
            String exact = table.matchColumn(column).name();
            candidates = candidates.stream()
                    .filter(fk -> fk.name().equals(column) || fk.columns().contains(exact)).toList();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String listed = table.foreignKeys().stream()
                .map(fk -> fk.name() + " " + fk.columns() + " -> " + fk.referencedTable()).toList().toString();
        throw new GenerationException("Cannot tell which foreign key of " + table.name() + " links it to "
                + (parentTable == null ? "its parent" : parentTable) + (column == null ? "" : " through " + column)
                + ": " + (candidates.isEmpty() ? "none matches" : candidates.size() + " match")
                + ". Name the column (ChildCount.via(\"...\")); foreign keys: " + listed + ".",
                table.schema(), table.simpleName(), column, null);
    }
}

package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import dev.pgtestkit.sync.internal.Sessions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order of a table's rows in a dump, the same for the dump and for {@code verify(dir, db)}: the primary key, else
 * a unique key of NOT NULL columns, else the whole row's text. Collatable columns sort with {@code COLLATE "C"}, so
 * the order does not depend on the server's locale.
 */
public final class OrderBy {

    private OrderBy() {
    }

    /** The key columns to sort {@code table} by; empty when it has no usable key. */
    public static List<String> keyColumns(Table table) {
        if (table.primaryKey() != null) {
            return table.primaryKey().columns();
        }
        for (UniqueKey key : table.uniqueKeys()) {
            if (!key.isPartial() && key.columns().stream().allMatch(c -> table.column(c).map(Column::notNull)
                    .orElse(false))) {
                return key.columns();
            }
        }
        return List.of();
    }

    /** The ORDER BY list (without the keywords) for rows of the table aliased {@code alias}. */
    public static String sql(String alias, List<String> keyColumns, Set<String> collatable) {
        if (keyColumns.isEmpty()) {
            return alias + "::text COLLATE \"C\"";
        }
        return keyColumns.stream().map(c -> alias + "." + Sessions.quote(c)
                + (collatable.contains(c) ? " COLLATE \"C\"" : "")).collect(Collectors.joining(", "));
    }
}

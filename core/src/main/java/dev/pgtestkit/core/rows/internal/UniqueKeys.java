package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Finds the unique key an upsert conflicts on: the primary key, a key named by its constraint or index, or by its columns. */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /** The key's columns and, for a partial unique index, its predicate. */
    public record Target(UniqueKey key, List<Column> columns) {

        public String predicate() {
            return key.predicate();
        }
    }

    /** All unique keys of the table, primary key first. */
    public static List<UniqueKey> all(Table table) {
        List<UniqueKey> keys = new ArrayList<>();
        table.primaryKeyOptional().ifPresent(keys::add);
        keys.addAll(table.uniqueKeys());
        return keys;
    }

    /** The primary key, or a {@link SchemaException} that says what to use instead. */
    public static Target primaryKey(Table table) {
        UniqueKey pk = table.primaryKeyOptional().orElseThrow(() -> new SchemaException("Table '"
                + Names.table(table) + "' has no primary key. Name a unique key or its columns; unique keys: "
                + describe(table) + ".", table.schema(), table.simpleName()));
        return target(table, pk);
    }

    /** One name that is a constraint or unique index, or one or more column names that a unique key covers exactly. */
    public static Target find(Table table, List<String> keyOrColumns) {
        if (keyOrColumns.size() == 1) {
            Optional<UniqueKey> named = all(table).stream().filter(k -> k.name().equals(keyOrColumns.get(0)))
                    .findFirst();
            if (named.isPresent()) {
                return target(table, named.get());
            }
        }
        List<Column> columns = keyOrColumns.stream().map(table::matchColumn).toList();
        HashSet<String> wanted = new HashSet<>(columns.stream().map(Column::name).toList());
        return all(table).stream()
                .filter(k -> k.columns().size() == wanted.size() && wanted.containsAll(k.columns()))
                .sorted((a, b) -> Boolean.compare(a.isPartial(), b.isPartial()))
                .findFirst().map(k -> target(table, k))
                .orElseThrow(() -> new SchemaException("No unique key of table '" + Names.table(table) + "' is on ("
                        + String.join(", ", wanted.stream().sorted().toList()) + "). An upsert needs a primary key,"
                        + " unique constraint or unique index on exactly those columns; unique keys: "
                        + describe(table) + ".", table.schema(), table.simpleName()));
    }

    private static Target target(Table table, UniqueKey key) {
        return new Target(key, key.columns().stream().map(c -> table.column(c).orElseThrow()).toList());
    }

    /** {@code users_pkey (id), users_email_key (email)}. */
    public static String describe(Table table) {
        List<String> keys = all(table).stream().map(k -> k.name() + " (" + String.join(", ", k.columns()) + ")")
                .toList();
        return keys.isEmpty() ? "(none)" : String.join(", ", keys);
    }
}

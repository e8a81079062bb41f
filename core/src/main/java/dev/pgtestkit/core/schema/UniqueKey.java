package dev.pgtestkit.core.schema;

import java.util.List;

/**
 * A primary key, unique constraint or unique index over plain columns.
 *
 * @param name             constraint or index name
 * @param kind             where it comes from
 * @param columns          key columns in key order
 * @param predicate        WHERE clause of a partial unique index, else {@code null}
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} (Postgres 15+)
 */
public record UniqueKey(String name, Kind kind, List<String> columns, String predicate, boolean nullsNotDistinct) {

    public enum Kind { PRIMARY_KEY, UNIQUE_CONSTRAINT, UNIQUE_INDEX }

    public UniqueKey {
        columns = List.copyOf(columns);
    }

    public boolean isPartial() {
        return predicate != null;
    }
}

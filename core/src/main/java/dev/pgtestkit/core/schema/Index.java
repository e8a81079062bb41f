package dev.pgtestkit.core.schema;

import java.util.List;

/**
 * An index.
 *
 * @param name       index name
 * @param method     access method (btree, hash, gin, gist, ivfflat...)
 * @param columns    key columns; an expression key appears as its expression text
 * @param unique     unique index
 * @param primary    the index behind the primary key
 * @param predicate  WHERE clause of a partial index, else {@code null}
 * @param definition full {@code pg_get_indexdef} text
 */
public record Index(String name, String method, List<String> columns, boolean unique, boolean primary,
                    String predicate, String definition) {

    public Index {
        columns = List.copyOf(columns);
    }
}

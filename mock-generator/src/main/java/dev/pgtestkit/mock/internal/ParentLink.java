package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.ForeignKey;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A foreign key as a computed override sees it: its constraint, and the parent row at an index of its
 * {@link ParentKeys} (computed only when an override asks for it).
 *
 * @param row the parent row by index: column name to value
 */
record ParentLink(ForeignKey foreignKey, LongFunction<Map<String, Object>> row) {

    /** Whether {@code name} is the constraint, one of its columns, or the parent table's name. */
    boolean matches(String name) {
        return foreignKey.name().equals(name) || foreignKey.columns().contains(name)
                || foreignKey.referencedTable().name().equals(name)
                || foreignKey.referencedTable().toString().equals(name);
    }
}

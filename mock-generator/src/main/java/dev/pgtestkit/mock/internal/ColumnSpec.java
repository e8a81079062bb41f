package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.internal.value.Hint;
import dev.pgtestkit.mock.internal.value.ValueType;

/**
 * A column the generator writes, with everything its sources need.
 *
 * @param position     index in the row (and in the COPY column list)
 * @param notNull      NOT NULL on the column, its domain, or its primary key
 * @param override     the plan's override, or {@code null}
 * @param nullFraction share of NULLs when nullable (from the plan, else the name hint)
 */
record ColumnSpec(int position, Column column, ValueType type, Hint hint, boolean notNull, ColumnOverride override,
                  double nullFraction) {

    String name() {
        return column.name();
    }

    String label() {
        return "column \"" + column.name() + "\" (" + column.type().displayName() + ")";
    }
}

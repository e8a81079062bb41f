package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.internal.value.ValueType;
import java.util.List;

/**
 * A user-defined composite type: its attributes are generated like the columns of a table ({@code attributes},
 * named after the type, so name hints and domain checks apply) and written as one row literal.
 */
record CompositeType(String displayName, Table attributes, List<ColumnSpec> specs) implements ValueType {

    CompositeType {
        specs = List.copyOf(specs);
    }

    /** Composite values are never read back from literals; the text is kept as it is. */
    @Override
    public Object parse(String text) {
        return text;
    }
}

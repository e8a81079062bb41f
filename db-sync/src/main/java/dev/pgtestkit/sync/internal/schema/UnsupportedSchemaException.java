package dev.pgtestkit.sync.internal.schema;

import dev.pgtestkit.core.SchemaException;

/** A catalog object a {@link SchemaWriter} cannot write; the message names it and the alternative. */
public final class UnsupportedSchemaException extends SchemaException {

    private static final long serialVersionUID = 1L;

    public UnsupportedSchemaException(String message, String schema, String object) {
        super(message, schema, object);
    }
}

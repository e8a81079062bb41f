package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.ValueType;

/**
 * An extension type whose input function accepted literals of one {@link LiteralShape}; values are generated in
 * that form, as text.
 */
record ProbedType(String displayName, LiteralShape shape) implements ValueType {

    @Override
    public Object parse(String text) {
        return text;
    }
}

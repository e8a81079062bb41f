package dev.pgtestkit.mock.internal.value;

/** A type the generator cannot produce values of (composite types, extension types it does not know). */
public record UnknownType(String displayName) implements ValueType {

    @Override
    public Object parse(String text) {
        return text;
    }
}

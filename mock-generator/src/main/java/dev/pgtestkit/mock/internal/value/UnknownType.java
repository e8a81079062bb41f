package dev.pgtestkit.mock.internal.value;

/** A type the generator cannot produce values of (an extension type it does not know, a composite offline). */
public record UnknownType(String displayName) implements ValueType {

    @Override
    public Object parse(String text) {
        return text;
    }
}

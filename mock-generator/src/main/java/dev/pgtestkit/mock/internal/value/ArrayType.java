package dev.pgtestkit.mock.internal.value;

/** An array of {@code element}s; values are {@code java.util.List}s. */
public record ArrayType(String displayName, ValueType element) implements ValueType {

    /** Arrays are never read back from literals; the text is kept as it is. */
    @Override
    public Object parse(String text) {
        return text;
    }
}

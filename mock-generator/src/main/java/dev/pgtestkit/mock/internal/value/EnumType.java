package dev.pgtestkit.mock.internal.value;

import java.util.List;

/** An enum: position = label index in sort order, so {@code mood > 'sad'} is a range like any other. */
public final class EnumType extends NamedOrderedType {

    private final List<String> labels;

    public EnumType(List<String> labels, String displayName) {
        super(displayName);
        this.labels = List.copyOf(labels);
    }

    public List<String> labels() {
        return labels;
    }

    @Override
    public long minPosition() {
        return 0;
    }

    @Override
    public long maxPosition() {
        return labels.size() - 1L;
    }

    @Override
    public Object valueAt(long position) {
        return labels.get((int) position);
    }

    @Override
    public long floor(Object value) {
        return index(value);
    }

    @Override
    public long ceil(Object value) {
        return index(value);
    }

    private int index(Object value) {
        int i = labels.indexOf(value.toString());
        if (i < 0) {
            throw new IllegalArgumentException("'" + value + "' is not a label of enum " + displayName()
                    + " (labels: " + labels + ")");
        }
        return i;
    }

    @Override
    public Object parse(String text) {
        index(text);
        return text;
    }
}

package dev.pgtestkit.mock.internal.value;

import java.util.Locale;

/** boolean: false before true, as in SQL. */
public record BoolType(String displayName) implements OrderedType {

    @Override
    public long minPosition() {
        return 0;
    }

    @Override
    public long maxPosition() {
        return 1;
    }

    @Override
    public Object valueAt(long position) {
        return position != 0;
    }

    @Override
    public long floor(Object value) {
        return Boolean.TRUE.equals(value) ? 1 : 0;
    }

    @Override
    public long ceil(Object value) {
        return floor(value);
    }

    @Override
    public Object parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> true;
            case "f", "false", "n", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean: '" + text + "'");
        };
    }
}

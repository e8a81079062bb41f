package dev.pgtestkit.mock.internal.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** smallint, integer, bigint: position = value. */
public final class IntegerType extends NamedOrderedType {

    public enum Width { SHORT, INT, LONG }

    private final Width width;

    public IntegerType(Width width, String displayName) {
        super(displayName);
        this.width = width;
    }

    @Override
    public long minPosition() {
        return switch (width) {
            case SHORT -> Short.MIN_VALUE;
            case INT -> Integer.MIN_VALUE;
            case LONG -> Long.MIN_VALUE;
        };
    }

    @Override
    public long maxPosition() {
        return switch (width) {
            case SHORT -> Short.MAX_VALUE;
            case INT -> Integer.MAX_VALUE;
            case LONG -> Long.MAX_VALUE;
        };
    }

    @Override
    public Object valueAt(long position) {
        return switch (width) {
            case SHORT -> (short) position;
            case INT -> (int) position;
            case LONG -> position;
        };
    }

    @Override
    public long floor(Object value) {
        return round(value, RoundingMode.FLOOR);
    }

    @Override
    public long ceil(Object value) {
        return round(value, RoundingMode.CEILING);
    }

    private static long round(Object value, RoundingMode mode) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        BigDecimal d = Numbers.decimal(value).setScale(0, mode);
        return clampToLong(d);
    }

    static long clampToLong(BigDecimal d) {
        if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return d.longValueExact();
    }

    @Override
    public Object parse(String text) {
        return valueAt(Long.parseLong(text.trim()));
    }
}

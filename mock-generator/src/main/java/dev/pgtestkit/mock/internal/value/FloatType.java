package dev.pgtestkit.mock.internal.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** real and double precision: positions in fixed steps (0.01 for real, 0.0001 for double) so they round-trip. */
public final class FloatType implements OrderedType {

    private final boolean single;
    private final int scale;
    private final String displayName;

    public FloatType(boolean single, String displayName) {
        this.single = single;
        this.scale = single ? 2 : 4;
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public long minPosition() {
        return -maxPosition();
    }

    @Override
    public long maxPosition() {
        return single ? 1_000_000_000L : 1_000_000_000_000_000L;
    }

    @Override
    public long unit() {
        return single ? 100 : 10_000;
    }

    @Override
    public Object valueAt(long position) {
        double d = BigDecimal.valueOf(position, scale).doubleValue();
        return single ? (Object) (float) d : (Object) d;
    }

    @Override
    public long floor(Object value) {
        return position(value, RoundingMode.FLOOR);
    }

    @Override
    public long ceil(Object value) {
        return position(value, RoundingMode.CEILING);
    }

    private long position(Object value, RoundingMode mode) {
        BigDecimal d = Numbers.decimal(value).setScale(scale, mode);
        return IntegerType.clampToLong(new BigDecimal(d.unscaledValue()));
    }

    @Override
    public Object parse(String text) {
        double d = Double.parseDouble(text.trim());
        return single ? (Object) (float) d : (Object) d;
    }
}

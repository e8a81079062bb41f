package dev.pgtestkit.mock.internal.value;

import java.math.BigDecimal;

/** real and double precision: positions in fixed steps (0.01 for real, 0.0001 for double) so they round-trip. */
public final class FloatType extends ScaledType {

    private final boolean single;

    public FloatType(boolean single, String displayName) {
        super(single ? 2 : 4, displayName);
        this.single = single;
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
    public Object parse(String text) {
        double d = Double.parseDouble(text.trim());
        return single ? (Object) (float) d : (Object) d;
    }
}

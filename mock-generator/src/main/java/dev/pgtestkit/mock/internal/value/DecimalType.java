package dev.pgtestkit.mock.internal.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * numeric(p,s): position = unscaled value at scale s. Unconstrained numeric is treated as scale 2; precision
 * above 18 digits is capped to what a long holds, which still covers every realistic generated value.
 */
public final class DecimalType implements OrderedType {

    private final int scale;
    private final long limit;
    private final String displayName;

    /** @param precision digits, or {@code null} for unconstrained; @param scale digits after the point, or null */
    public DecimalType(Integer precision, Integer scale, String displayName) {
        this.scale = scale != null ? scale : (precision != null ? 0 : 2);
        int digits = precision != null ? Math.min(precision, 18) : 17;
        this.limit = BigDecimal.TEN.pow(digits).longValue() - 1;
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public long minPosition() {
        return -limit;
    }

    @Override
    public long maxPosition() {
        return limit;
    }

    @Override
    public long unit() {
        return BigDecimal.TEN.pow(Math.min(scale, 18)).longValue();
    }

    @Override
    public Object valueAt(long position) {
        return BigDecimal.valueOf(position, scale);
    }

    @Override
    public long floor(Object value) {
        return unscaled(value, RoundingMode.FLOOR);
    }

    @Override
    public long ceil(Object value) {
        return unscaled(value, RoundingMode.CEILING);
    }

    private long unscaled(Object value, RoundingMode mode) {
        BigDecimal d = Numbers.decimal(value).setScale(scale, mode);
        return IntegerType.clampToLong(new BigDecimal(d.unscaledValue()));
    }

    @Override
    public Object parse(String text) {
        return new BigDecimal(text.trim());
    }
}

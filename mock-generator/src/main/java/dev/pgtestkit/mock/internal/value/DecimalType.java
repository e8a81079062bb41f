package dev.pgtestkit.mock.internal.value;

import java.math.BigDecimal;

/**
 * numeric(p,s): position = unscaled value at scale s. Unconstrained numeric is treated as scale 2; precision
 * above 18 digits is capped to what a long holds, which still covers every realistic generated value.
 */
public final class DecimalType extends ScaledType {

    private final long limit;

    /**
     * A numeric type.
     *
     * @param precision digits, or {@code null} for unconstrained
     * @param scale     digits after the point, or {@code null}
     */
    public DecimalType(Integer precision, Integer scale, String displayName) {
        super(scale != null ? scale : (precision != null ? 0 : 2), displayName);
        int digits = precision != null ? Math.min(precision, 18) : 17;
        this.limit = BigDecimal.TEN.pow(digits).longValue() - 1;
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
    public Object parse(String text) {
        return new BigDecimal(text.trim());
    }
}

package dev.pgtestkit.mock.internal.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Common state of the ordered types: the printed name, and rounding of numbers to positions. */
abstract class NamedOrderedType implements OrderedType {

    private final String displayName;

    NamedOrderedType(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    /** The number {@code value} in units of {@code 10^-scale}, rounded as asked, clamped to the long range. */
    static long unscaled(Object value, int scale, RoundingMode mode) {
        BigDecimal d = Numbers.decimal(value).setScale(scale, mode);
        return IntegerType.clampToLong(new BigDecimal(d.unscaledValue()));
    }

    @Override
    public String toString() {
        return displayName;
    }
}

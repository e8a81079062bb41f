package dev.pgtestkit.mock.internal.value;

import java.math.RoundingMode;

/** Numbers whose positions are units of {@code 10^-scale}: numeric(p,s), and floats at a fixed step. */
abstract class ScaledType extends NamedOrderedType {

    final int scale;

    ScaledType(int scale, String displayName) {
        super(displayName);
        this.scale = scale;
    }

    @Override
    public final long floor(Object value) {
        return unscaled(value, scale, RoundingMode.FLOOR);
    }

    @Override
    public final long ceil(Object value) {
        return unscaled(value, scale, RoundingMode.CEILING);
    }
}

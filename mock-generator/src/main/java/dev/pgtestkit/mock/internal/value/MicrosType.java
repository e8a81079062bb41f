package dev.pgtestkit.mock.internal.value;

/**
 * Date/time types counted in microseconds, whose positions are units of the column's fractional-second
 * precision ({@code timestamp(3)}: one position per millisecond), so a stored value is never rounded.
 */
abstract class MicrosType extends NamedOrderedType {

    /** Microseconds per position. */
    final long unitMicros;

    /** @param precision fractional digits of seconds (0..6), or {@code null} for 6 */
    MicrosType(Integer precision, String displayName) {
        super(displayName);
        int p = precision == null ? 6 : Math.max(0, Math.min(6, precision));
        this.unitMicros = (long) Math.pow(10, 6 - p);
    }

    /** Positions per second. */
    @Override
    public final long unit() {
        return 1_000_000L / unitMicros;
    }

    /** Microseconds of a value (since the epoch, or since midnight). */
    abstract long micros(Object value);

    @Override
    public final long floor(Object value) {
        return Math.floorDiv(micros(value), unitMicros);
    }

    @Override
    public final long ceil(Object value) {
        return -Math.floorDiv(-micros(value), unitMicros);
    }
}

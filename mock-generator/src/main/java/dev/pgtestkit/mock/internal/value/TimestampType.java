package dev.pgtestkit.mock.internal.value;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * timestamp(p) and timestamptz(p): position = epoch microseconds in units of the column's precision, so a
 * stored value is never rounded (rounding could break {@code shipped_at >= placed_at}). Values are
 * {@code LocalDateTime} (read as UTC) or {@code OffsetDateTime} at UTC.
 */
public final class TimestampType implements OrderedType {

    private static final long MIN_MICROS = LocalDate.of(1, 1, 1).toEpochDay() * Temporals.MICROS_PER_DAY;
    private static final long MAX_MICROS = LocalDate.of(9999, 12, 31).toEpochDay() * Temporals.MICROS_PER_DAY;

    private final boolean withTimeZone;
    private final long unitMicros;
    private final String displayName;

    /** @param precision fractional digits of seconds (0..6), or {@code null} for 6 */
    public TimestampType(boolean withTimeZone, Integer precision, String displayName) {
        this.withTimeZone = withTimeZone;
        int p = precision == null ? 6 : Math.max(0, Math.min(6, precision));
        this.unitMicros = (long) Math.pow(10, 6 - p);
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public long minPosition() {
        return MIN_MICROS / unitMicros;
    }

    @Override
    public long maxPosition() {
        return MAX_MICROS / unitMicros;
    }

    /** Positions per second. */
    @Override
    public long unit() {
        return 1_000_000L / unitMicros;
    }

    @Override
    public Object valueAt(long position) {
        var local = Temporals.utcDateTime(position * unitMicros);
        return withTimeZone ? OffsetDateTime.of(local, ZoneOffset.UTC) : local;
    }

    @Override
    public long floor(Object value) {
        return Math.floorDiv(Temporals.epochMicros(value), unitMicros);
    }

    @Override
    public long ceil(Object value) {
        return -Math.floorDiv(-Temporals.epochMicros(value), unitMicros);
    }

    @Override
    public Object parse(String text) {
        return valueAt(floor(Temporals.parseInstant(text)));
    }
}

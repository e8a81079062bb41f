package dev.pgtestkit.mock.internal.value;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * timestamp(p) and timestamptz(p): position = epoch microseconds in units of the column's precision. Values are
 * {@code LocalDateTime} (read as UTC) or {@code OffsetDateTime} at UTC.
 */
public final class TimestampType extends MicrosType {

    private static final long MIN_MICROS = LocalDate.of(1, 1, 1).toEpochDay() * Temporals.MICROS_PER_DAY;
    private static final long MAX_MICROS = LocalDate.of(9999, 12, 31).toEpochDay() * Temporals.MICROS_PER_DAY;

    private final boolean withTimeZone;

    public TimestampType(boolean withTimeZone, Integer precision, String displayName) {
        super(precision, displayName);
        this.withTimeZone = withTimeZone;
    }

    @Override
    public long minPosition() {
        return MIN_MICROS / unitMicros;
    }

    @Override
    public long maxPosition() {
        return MAX_MICROS / unitMicros;
    }

    @Override
    public Object valueAt(long position) {
        var local = Temporals.utcDateTime(position * unitMicros);
        return withTimeZone ? OffsetDateTime.of(local, ZoneOffset.UTC) : local;
    }

    @Override
    long micros(Object value) {
        return Temporals.epochMicros(value);
    }

    @Override
    public Object parse(String text) {
        return valueAt(floor(Temporals.parseInstant(text)));
    }
}

package dev.pgtestkit.mock.internal.value;

import java.time.LocalDate;

/** date: position = epoch day. */
public final class DateType extends NamedOrderedType {

    private static final long MIN_DAY = LocalDate.of(-4000, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    public DateType(String displayName) {
        super(displayName);
    }

    @Override
    public long minPosition() {
        return MIN_DAY;
    }

    @Override
    public long maxPosition() {
        return MAX_DAY;
    }

    @Override
    public Object valueAt(long position) {
        return LocalDate.ofEpochDay(position);
    }

    @Override
    public long floor(Object value) {
        if (value instanceof LocalDate d) {
            return d.toEpochDay();
        }
        return Math.floorDiv(Temporals.epochMicros(value), Temporals.MICROS_PER_DAY);
    }

    @Override
    public long ceil(Object value) {
        if (value instanceof LocalDate d) {
            return d.toEpochDay();
        }
        return -Math.floorDiv(-Temporals.epochMicros(value), Temporals.MICROS_PER_DAY);
    }

    @Override
    public Object parse(String text) {
        return LocalDate.ofEpochDay(Math.floorDiv(Temporals.epochMicros(Temporals.parseInstant(text)),
                Temporals.MICROS_PER_DAY));
    }
}

package dev.pgtestkit.mock.internal.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Conversions of date/time values to epoch microseconds and parsing of Postgres' text forms. A timestamp
 * without time zone is read as UTC: generated values never depend on the JVM's or the server's time zone.
 */
final class Temporals {

    static final long MICROS_PER_DAY = 86_400_000_000L;

    private Temporals() {
    }

    static long epochMicros(Object value) {
        if (value instanceof OffsetDateTime t) {
            return micros(t.toInstant());
        }
        if (value instanceof LocalDateTime t) {
            return micros(t.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof LocalDate d) {
            return d.toEpochDay() * MICROS_PER_DAY;
        }
        if (value instanceof Instant i) {
            return micros(i);
        }
        if (value instanceof ZonedDateTime z) {
            return micros(z.toInstant());
        }
        throw new IllegalArgumentException("not a date/time value: " + value + " (" + value.getClass() + ")");
    }

    static long microOfDay(Object value) {
        if (value instanceof LocalTime t) {
            return t.toNanoOfDay() / 1000;
        }
        if (value instanceof OffsetTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toNanoOfDay() / 1000;
        }
        throw new IllegalArgumentException("not a time value: " + value);
    }

    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    static LocalDateTime utcDateTime(long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        int nanos = (int) Math.floorMod(epochMicros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** {@code 2024-01-02}, {@code 2024-01-02 03:04:05[.ffffff][+hh[:mm]]}: the forms Postgres prints. */
    static Instant parseInstant(String text) {
        String s = text.trim().replace(' ', 'T');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
            if (sign > 10) {
                String offset = s.substring(sign);
                String normalized = offset.length() == 3 ? offset + ":00" : offset;
                return OffsetDateTime.parse(s.substring(0, sign) + normalized).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date/time literal: '" + text + "'", e);
        }
    }
}

package dev.pgtestkit.core.rows.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Date/time values to the text Postgres reads back exactly. Strings are parsed here (ISO 8601, with 'T' or a
 * space, offsets like {@code Z}, {@code +02} or {@code +02:00}) so a bad one is reported with its column.
 * An instant given for a {@code timestamp} without time zone is written in the JVM's default zone, which is
 * also the session time zone PgJDBC sets, so SQL and Java agree.
 */
final class Temporals {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalEnd().toFormatter();

    private static final DateTimeFormatter TIME_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME).appendOffset("+HH:mm", "Z").toFormatter();

    private Temporals() {
    }

    /** For timestamptz: an instant with its offset. */
    static String timestampWithZone(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneId.systemDefault()).toOffsetDateTime().toString();
        }
        OffsetDateTime instant = toOffsetDateTime(value);
        return infinity(instant).orElse(instant.toString());
    }

    /** For timestamp without time zone: a local date-time. */
    static String timestamp(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.toString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof CharSequence text) {
            TemporalAccessor parsed = parse(text.toString());
            return parsed instanceof OffsetDateTime offset ? inDefaultZone(offset) : parsed.toString();
        }
        OffsetDateTime instant = toOffsetDateTime(value);
        return infinity(instant).orElseGet(() -> inDefaultZone(instant));
    }

    static String date(Object value) {
        return local(value, LocalDate.class, java.sql.Date.class, d -> d.toLocalDate(), LocalDate::parse,
                "a date like 2024-05-31", "LocalDate, java.sql.Date or an ISO date string");
    }

    static String time(Object value) {
        return local(value, LocalTime.class, java.sql.Time.class, t -> t.toLocalTime(), LocalTime::parse,
                "a time like 13:45:00", "LocalTime, java.sql.Time or an ISO time string");
    }

    static String timeWithZone(Object value) {
        return local(value, OffsetTime.class, OffsetTime.class, t -> t, s -> OffsetTime.parse(s, TIME_WITH_OFFSET),
                "a time with offset like 13:45:00+02:00", "OffsetTime or a time string with offset");
    }

    /** The ISO text of a java.time value given as itself, as its java.sql counterpart, or as text to parse. */
    private static <T, S> String local(Object value, Class<T> type, Class<S> sqlType, Function<S, T> fromSql,
                                       Function<String, T> parser, String example, String accepted) {
        if (type.isInstance(value)) {
            return value.toString();
        }
        if (sqlType.isInstance(value)) {
            return fromSql.apply(sqlType.cast(value)).toString();
        }
        if (value instanceof CharSequence text) {
            return parseOrExplain(() -> parser.apply(text.toString().strip()), example).toString();
        }
        throw unsupported(value, accepted);
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        }
        if (value instanceof CharSequence text) {
            TemporalAccessor parsed = parse(text.toString());
            return parsed instanceof OffsetDateTime offset ? offset
                    : ((LocalDateTime) parsed).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        IllegalArgumentException unsupported = unsupported(value,
                "Instant, OffsetDateTime, ZonedDateTime, LocalDateTime, LocalDate or an ISO string");
        if (value instanceof Number) {
            throw new IllegalArgumentException(unsupported.getMessage() + " (for epoch milliseconds use"
                    + " Instant.ofEpochMilli)");
        }
        throw unsupported;
    }

    /** OffsetDateTime, or LocalDateTime when the text has no offset; a bare date is midnight. */
    private static TemporalAccessor parse(String text) {
        String trimmed = text.strip();
        TemporalAccessor parsed = parseOrExplain(
                () -> DATE_TIME.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from, LocalDate::from),
                "an ISO date-time like 2024-05-31T13:45:00Z or 2024-05-31 13:45:00");
        return parsed instanceof LocalDate date ? date.atStartOfDay() : parsed;
    }

    private static String inDefaultZone(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime().toString();
    }

    /** PgJDBC reads 'infinity' as OffsetDateTime.MAX/MIN; write them back the same way. */
    private static Optional<String> infinity(OffsetDateTime value) {
        if (value.equals(OffsetDateTime.MAX)) {
            return Optional.of("infinity");
        }
        return value.equals(OffsetDateTime.MIN) ? Optional.of("-infinity") : Optional.empty();
    }

    private static <T> T parseOrExplain(Supplier<T> parser, String expected) {
        try {
            return parser.get();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }

    static IllegalArgumentException unsupported(Object value, String expected) {
        return new IllegalArgumentException("expected " + expected + ", got " + value.getClass().getSimpleName());
    }
}

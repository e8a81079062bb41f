package dev.pgtestkit.mock.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * Writes a generated Java value in Postgres' text input form (what COPY text/CSV and casts from text accept).
 * Dates and times are formatted by hand: {@code DateTimeFormatter} would cost more than generating them.
 */
public final class PgText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PgText() {
    }

    public static String format(Object value) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, value);
        return sb.toString();
    }

    /** Appends a non-null value. */
    public static void append(StringBuilder sb, Object value) {
        if (value instanceof String s) {
            sb.append(s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            sb.append(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (value instanceof Boolean b) {
            sb.append(b ? 't' : 'f');
        } else if (value instanceof OffsetDateTime t) {
            appendDateTime(sb, t.toLocalDateTime());
            appendOffset(sb, t.getOffset());
        } else if (value instanceof LocalDateTime t) {
            appendDateTime(sb, t);
        } else if (value instanceof LocalDate d) {
            appendDate(sb, d);
        } else if (value instanceof byte[] bytes) {
            appendBytea(sb, bytes);
        } else if (value instanceof Collection<?> list) {
            appendArray(sb, list);
        } else {
            appendOther(sb, value);
        }
    }

    private static void appendOther(StringBuilder sb, Object value) {
        if (value instanceof LocalTime t) {
            appendTime(sb, t);
        } else if (value instanceof OffsetTime t) {
            appendTime(sb, t.toLocalTime());
            appendOffset(sb, t.getOffset());
        } else {
            sb.append(value);
        }
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2);
    }

    private static void appendDateTime(StringBuilder sb, LocalDateTime t) {
        appendDate(sb, t.toLocalDate());
        sb.append(' ');
        appendTime(sb, t.toLocalTime());
    }

    private static void appendTime(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            sb.append('.');
            pad(sb, micros, 6);
        }
    }

    private static void appendOffset(StringBuilder sb, ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        sb.append(seconds < 0 ? '-' : '+');
        int abs = Math.abs(seconds);
        pad(sb, abs / 3600, 2).append(':');
        pad(sb, abs / 60 % 60, 2);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            sb.append('0');
        }
        return sb.append(value);
    }

    private static void appendBytea(StringBuilder sb, byte[] bytes) {
        sb.append("\\x");
        for (byte b : bytes) {
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }

    /** {@code {"a","b"}}: every non-null element quoted, so commas, braces and spaces need no thought. */
    private static void appendArray(StringBuilder sb, Collection<?> list) {
        sb.append('{');
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (element == null) {
                sb.append("NULL");
            } else {
                quoteElement(sb, format(element));
            }
        }
        sb.append('}');
    }

    /** Appends {@code text} double-quoted, with quotes and backslashes escaped: arrays' and row literals' form. */
    static void quoteElement(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}

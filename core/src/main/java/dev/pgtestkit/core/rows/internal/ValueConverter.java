package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.schema.NameMatcher;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.TypeCategory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.postgresql.util.PGobject;

/**
 * Converts a Java value to what is bound for a column of a given Postgres type. The statement always casts
 * the parameter to the column's type ({@code CAST(? AS type)}), so the bound value is either a JDBC-native
 * object (numbers, booleans, UUID, byte[]) or the exact text Postgres parses (timestamps, json, enums,
 * arrays, everything else). A value that does not fit throws {@link IllegalArgumentException} whose message
 * says what was expected; callers add the column.
 */
public final class ValueConverter {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private ValueConverter() {
    }

    /** The value to bind for {@code type}; {@code null} stays {@code null}. */
    public static Object convert(PgType type, Object value) {
        if (value == null) {
            return null;
        }
        PgType root = type.rootType();
        return switch (root.category()) {
            case ARRAY -> ArrayLiteral.of(root.elementType(), value);
            case ENUM -> enumLabel(root, value);
            default -> base(root.name(), value);
        };
    }

    private static Object base(String typeName, Object value) {
        return switch (typeName) {
            case "int2" -> (int) integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case "int4" -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "int8" -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case "float4" -> (float) floating(value);
            case "float8" -> floating(value);
            case "numeric" -> numeric(value);
            case "bool" -> bool(value);
            case "uuid" -> uuid(value);
            case "json", "jsonb" -> json(value);
            case "timestamptz" -> Temporals.timestampWithZone(value);
            case "timestamp" -> Temporals.timestamp(value);
            case "date" -> Temporals.date(value);
            case "time" -> Temporals.time(value);
            case "timetz" -> Temporals.timeWithZone(value);
            case "bytea" -> bytes(value);
            case "interval" -> interval(value);
            case "text", "varchar", "bpchar", "name", "char", "citext" -> text(value);
            default -> other(value);
        };
    }

    private static long integral(Object value, long min, long max) {
        BigDecimal number = decimal(value, "a whole number");
        BigInteger whole;
        try {
            whole = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            // Parse failures are not kept as causes here or below: their messages repeat the value, which may be a
            // secret that the caller's message masks.
            throw new IllegalArgumentException("expected a whole number, got " + number.toPlainString());
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("out of range " + min + ".." + max);
        }
        return whole.longValueExact();
    }

    private static double floating(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof CharSequence text) {
            try {
                return Double.parseDouble(text.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number");
            }
        }
        throw Temporals.unsupported(value, "a Number or a numeric string");
    }

    private static Object numeric(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : (Object) (Double.isNaN(d) ? "NaN" : d > 0
                    ? "Infinity" : "-Infinity");
        }
        if (value instanceof CharSequence text && text.toString().strip().matches("(?i)[+-]?(nan|infinity)")) {
            return text.toString().strip();
        }
        return decimal(value, "a number");
    }

    private static BigDecimal decimal(Object value, String expected) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("expected " + expected + ", got " + d);
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof CharSequence text) {
            try {
                return new BigDecimal(text.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + expected);
            }
        }
        throw Temporals.unsupported(value, expected + " (Number or numeric string)");
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value instanceof CharSequence || value instanceof Number ? value.toString().strip() : "";
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> true;
            case "false", "f", "no", "n", "off", "0" -> false;
            default -> throw new IllegalArgumentException(
                    "expected a Boolean or one of true/false, t/f, yes/no, on/off, 1/0");
        };
    }

    private static UUID uuid(Object value) {
        if (value instanceof UUID uuid) {
            return uuid;
        }
        if (value instanceof CharSequence text && UUID_TEXT.matcher(text.toString().strip()).matches()) {
            String hex = text.toString().strip().replace("-", "");
            return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                    Long.parseUnsignedLong(hex.substring(16), 16));
        }
        throw new IllegalArgumentException("expected a UUID or a string like 550e8400-e29b-41d4-a716-446655440000");
    }

    private static String enumLabel(PgType enumType, Object value) {
        String label = value instanceof Enum<?> e ? e.name() : value instanceof CharSequence t ? t.toString() : null;
        if (label == null) {
            throw Temporals.unsupported(value, "a String or Java enum naming one of " + enumType.enumLabels());
        }
        if (!enumType.enumLabels().isEmpty() && !enumType.enumLabels().contains(label)) {
            NameMatcher.Result match = NameMatcher.match(label, enumType.enumLabels());
            List<String> close = match.matches().isEmpty() ? match.suggestions() : match.matches();
            throw new IllegalArgumentException("not a label of enum " + enumType.name() + " (labels: "
                    + String.join(", ", enumType.enumLabels()) + ")"
                    + (close.isEmpty() ? "" : ". Did you mean: " + String.join(", ", close) + "?"));
        }
        return label;
    }

    private static String json(Object value) {
        if (value instanceof CharSequence text) {
            String s = text.toString();
            try { // storing malformed JSON as a JSON string value would store other data than given
                if (s.isBlank()) {
                    throw new IllegalArgumentException("not valid JSON: empty text");
                }
                Json.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ". Pass JSON text (a JSON string with its double "
                        + "quotes), or a Map, List, number or boolean", e);
            }
            return s;
        }
        return Json.isJsonNode(value) ? value.toString() : Json.write(value);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        if (value instanceof CharSequence text && text.toString().matches("\\\\x([0-9a-fA-F]{2})*")) {
            return java.util.HexFormat.of().parseHex(text.toString().substring(2));
        }
        throw new IllegalArgumentException("expected byte[], ByteBuffer or hex text like \\x0a1b");
    }

    private static String interval(Object value) {
        if (value instanceof Duration || value instanceof Period || value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof PGobject object) {
            return object.getValue();
        }
        throw Temporals.unsupported(value, "a Duration, Period or interval text like '1 day 02:00:00'");
    }

    private static String text(Object value) {
        if (value instanceof Map || value instanceof Collection || value.getClass().isArray()) {
            throw Temporals.unsupported(value, "a String (or a scalar such as a number)");
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** inet, bit, ranges, money, composite, vector... : their text form. */
    private static String other(Object value) {
        if (value instanceof PGobject object) {
            return object.getValue();
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Temporal || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof List<?> || value instanceof float[] || value instanceof double[]) {
            return Json.write(value);
        }
        throw Temporals.unsupported(value, "the value's text form as a String");
    }
}

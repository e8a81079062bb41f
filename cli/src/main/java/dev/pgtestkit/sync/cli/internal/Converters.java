package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.sync.SchemaWriterKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values with their checks, so that a bad value is a usage error naming the option. */
final class Converters {

    private Converters() {
    }

    /** A whole number of 1 or more. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = PositiveCount.parse(value);
            if (n > Integer.MAX_VALUE) {
                throw new TypeConversionException("must be at most " + Integer.MAX_VALUE + ", got " + n);
            }
            return (int) n;
        }
    }

    /** A count of 1 or more ({@code 1_000} allowed). */
    static final class PositiveCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parse(value);
        }

        static long parse(String value) {
            long n;
            try {
                n = Long.parseLong(value.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < 1) {
                throw new TypeConversionException("must be 1 or more, got " + n);
            }
            return n;
        }
    }

    /** A size: {@code 1048576}, {@code 512KB}, {@code 50MB}, {@code 1GB} (powers of 1024). */
    static final class Size implements ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)I?B?", Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.trim());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a size: write e.g. 50MB, 512KB or 1GB");
            }
            int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                default -> 0;
            };
            long bytes = Long.parseLong(m.group(1)) << shift;
            if (bytes < 1) {
                throw new TypeConversionException("must be 1 byte or more, got " + value);
            }
            return bytes;
        }
    }

    /** {@code built-in} or {@code pg_dump} (dashes, underscores and case do not matter). */
    static final class SchemaWriter implements ITypeConverter<SchemaWriterKind> {
        @Override
        public SchemaWriterKind convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
                case "built_in", "builtin" -> SchemaWriterKind.BUILT_IN;
                case "pg_dump", "pgdump" -> SchemaWriterKind.PG_DUMP;
                default -> throw new TypeConversionException("'" + value + "' is not a schema writer: use built-in"
                        + " or pg_dump");
            };
        }
    }
}

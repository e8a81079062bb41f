package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.BoolType;
import dev.pgtestkit.mock.internal.value.DateType;
import dev.pgtestkit.mock.internal.value.DecimalType;
import dev.pgtestkit.mock.internal.value.EnumType;
import dev.pgtestkit.mock.internal.value.FloatType;
import dev.pgtestkit.mock.internal.value.Hint;
import dev.pgtestkit.mock.internal.value.IntegerType;
import dev.pgtestkit.mock.internal.value.OrderedType;
import dev.pgtestkit.mock.internal.value.TimeType;
import dev.pgtestkit.mock.internal.value.TimestampType;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The position range a column's values should preferably fall in, from its type and name hint. */
final class NaturalRanges {

    private static final long DAY_SECONDS = 86_400;

    private NaturalRanges() {
    }

    /**
     * {lo, hi} in positions for a column whose checks allow {@code [lo, hi]}: a plain number bounded on both
     * sides by its checks uses all of that range (a name hint, if any, still narrows it).
     */
    static long[] of(OrderedType type, Hint hint, long lo, long hi) {
        boolean plainNumber = type instanceof IntegerType || type instanceof DecimalType || type instanceof FloatType;
        if (plainNumber && hint.low() == null && hint.temporal() == Hint.Temporal.NONE && lo > type.minPosition()
                && hi < type.maxPosition()) {
            return new long[] {lo, hi};
        }
        return of(type, hint);
    }

    /** {lo, hi} in positions, inside the type's range. */
    static long[] of(OrderedType type, Hint hint) {
        long[] r = raw(type, hint);
        return new long[] {Math.max(r[0], type.minPosition()), Math.min(r[1], type.maxPosition())};
    }

    private static long[] raw(OrderedType type, Hint hint) {
        if (type instanceof EnumType || type instanceof BoolType || type instanceof TimeType) {
            return new long[] {type.minPosition(), type.maxPosition()};
        }
        if (type instanceof DateType || type instanceof TimestampType) {
            if (hint.temporal() == Hint.Temporal.FUTURE) {
                return window(type, Defaults.FUTURE_START, Defaults.FUTURE_END);
            }
            boolean birth = hint.temporal() == Hint.Temporal.BIRTH;
            return window(type, birth ? Defaults.BIRTH_START : Defaults.WINDOW_START,
                    birth ? Defaults.BIRTH_END : Defaults.WINDOW_END);
        }
        if (type instanceof IntegerType && hint.temporal() == Hint.Temporal.EPOCH_MILLIS) {
            return epoch(type);
        }
        long lo = hint.low() != null ? hint.low() : Defaults.NUMBER_LOW;
        long hi = hint.high() != null ? hint.high() : Defaults.NUMBER_HIGH;
        long unit = type.unit();
        return new long[] {saturatedTimes(lo, unit), saturatedTimes(hi, unit)};
    }

    private static long[] window(OrderedType type, LocalDate start, LocalDate end) {
        return new long[] {type.ceil(start), type.floor(end.atTime(23, 59, 59))};
    }

    /**
     * A time stored as an integer, by width: epoch milliseconds in a bigint, epoch seconds in an integer (milliseconds
     * overflow it), minutes of the day in a smallint.
     */
    private static long[] epoch(OrderedType type) {
        long lo = millis(Defaults.WINDOW_START);
        long hi = millis(Defaults.WINDOW_END);
        if (type.maxPosition() >= hi) {
            return new long[] {lo, hi};
        }
        if (type.maxPosition() >= hi / 1000) {
            return new long[] {lo / 1000, hi / 1000};
        }
        return new long[] {0, 24 * 60 - 1};
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Positions a related date/time value lands after (or before) its anchor: 60 days, a year, two hours. */
    static long spread(OrderedType type) {
        if (type instanceof TimestampType) {
            return 60 * DAY_SECONDS * type.unit();
        }
        if (type instanceof DateType) {
            return 365;
        }
        if (type instanceof TimeType) {
            return 2 * 3600 * type.unit();
        }
        return 0;
    }

    /** Hint choices (HTTP codes...) as positions, or {@code null}. */
    static long[] choices(OrderedType type, Hint hint) {
        if (hint.choices() == null || type instanceof EnumType || type instanceof BoolType) {
            return null;
        }
        long[] out = new long[hint.choices().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = saturatedTimes(hint.choices()[i], type.unit());
        }
        return out;
    }

    private static long saturatedTimes(long a, long b) {
        long r = a * b;
        return Math.multiplyHigh(a, b) != (r >> 63) ? (a < 0 == b < 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
    }
}

package dev.pgtestkit.mock.internal.value;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/** time(p) and timetz(p): position = microsecond of the day in units of the precision; timetz at UTC. */
public final class TimeType implements OrderedType {

    private final boolean withTimeZone;
    private final long unitMicros;
    private final String displayName;

    public TimeType(boolean withTimeZone, Integer precision, String displayName) {
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
        return 0;
    }

    @Override
    public long maxPosition() {
        return (Temporals.MICROS_PER_DAY - 1) / unitMicros;
    }

    @Override
    public long unit() {
        return 1_000_000L / unitMicros;
    }

    @Override
    public Object valueAt(long position) {
        LocalTime t = LocalTime.ofNanoOfDay(position * unitMicros * 1000);
        return withTimeZone ? OffsetTime.of(t, ZoneOffset.UTC) : t;
    }

    @Override
    public long floor(Object value) {
        return Math.floorDiv(Temporals.microOfDay(value), unitMicros);
    }

    @Override
    public long ceil(Object value) {
        return -Math.floorDiv(-Temporals.microOfDay(value), unitMicros);
    }

    @Override
    public Object parse(String text) {
        String s = text.trim();
        int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        if (sign > 0) {
            String offset = s.substring(sign);
            s = OffsetTime.parse(s.substring(0, sign) + (offset.length() == 3 ? offset + ":00" : offset))
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toString();
        }
        return valueAt(floor(LocalTime.parse(s)));
    }
}

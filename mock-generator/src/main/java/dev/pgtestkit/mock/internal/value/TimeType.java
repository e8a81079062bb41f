package dev.pgtestkit.mock.internal.value;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/** time(p) and timetz(p): position = microsecond of the day in units of the precision; timetz at UTC. */
public final class TimeType extends MicrosType {

    private final boolean withTimeZone;

    public TimeType(boolean withTimeZone, Integer precision, String displayName) {
        super(precision, displayName);
        this.withTimeZone = withTimeZone;
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
    public Object valueAt(long position) {
        LocalTime t = LocalTime.ofNanoOfDay(position * unitMicros * 1000);
        return withTimeZone ? OffsetTime.of(t, ZoneOffset.UTC) : t;
    }

    @Override
    long micros(Object value) {
        return Temporals.microOfDay(value);
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

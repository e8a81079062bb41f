package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.Hint;
import dev.pgtestkit.mock.internal.value.OtherType;
import java.time.LocalDate;
import java.util.UUID;

/** Sources for {@link OtherType}s: uuid, json by shape, bytea, network addresses, bits, intervals, ranges... */
final class OtherSources {

    private static final long WINDOW_START_DAY = Defaults.WINDOW_START.toEpochDay();

    private OtherSources() {
    }

    static ValueSource of(OtherType type, Hint hint, FakeText fake) {
        return switch (type.kind()) {
            case UUID -> (rng, row) -> uuid(rng.nextLong(), rng.nextLong());
            case JSON -> new JsonSource(hint.json(), fake);
            case BYTEA -> (rng, row) -> bytes(rng, (int) rng.between(8, 32));
            case INET -> (rng, row) -> fake.generate(FakeKind.IP_ADDRESS, rng);
            case CIDR -> (rng, row) -> "10." + rng.between(0, 255) + "." + rng.between(0, 255) + ".0/24";
            case MACADDR -> (rng, row) -> mac(rng, 6);
            case MACADDR8 -> (rng, row) -> mac(rng, 8);
            case BIT -> (rng, row) -> bits(rng, type.length() == null ? 1 : type.length());
            case VARBIT -> (rng, row) -> bits(rng, (int) rng.between(1, type.length() == null ? 16 : type.length()));
            default -> ranged(type);
        };
    }

    private static ValueSource ranged(OtherType type) {
        return switch (type.kind()) {
            case INTERVAL -> (rng, row) -> rng.between(0, 30) + " days " + rng.between(0, 23) + ":"
                    + two(rng.between(0, 59)) + ":" + two(rng.between(0, 59));
            case INT_RANGE -> (rng, row) -> {
                long lo = rng.between(1, 1000);
                return "[" + lo + "," + (lo + rng.between(1, 100)) + ")";
            };
            case NUM_RANGE -> (rng, row) -> {
                long lo = rng.between(100, 100_000);
                return "[" + lo / 100.0 + "," + (lo + rng.between(1, 10_000)) / 100.0 + ")";
            };
            case DATE_RANGE -> (rng, row) -> {
                LocalDate start = LocalDate.ofEpochDay(WINDOW_START_DAY + rng.between(0, 1000));
                return "[" + start + "," + start.plusDays(rng.between(1, 60)) + ")";
            };
            case TS_RANGE, TSTZ_RANGE -> (rng, row) -> timestampRange(rng, type.kind() == OtherType.Kind.TSTZ_RANGE);
            default -> scalar(type);
        };
    }

    private static ValueSource scalar(OtherType type) {
        return switch (type.kind()) {
            case VECTOR -> (rng, row) -> vector(rng, type.length() == null ? 3 : type.length());
            case MONEY -> (rng, row) -> rng.between(100, 100_000) / 100.0 + "";
            case XML -> (rng, row) -> "<note><id>" + rng.between(1, 100_000) + "</id></note>";
            case POINT -> (rng, row) -> "(" + rng.between(-180, 180) + "." + rng.between(0, 99) + ","
                    + rng.between(-90, 90) + "." + rng.between(0, 99) + ")";
            default -> ShapeSources.of(type);
        };
    }

    /** A version-4 UUID from 128 random bits. */
    static UUID uuid(long msb, long lsb) {
        return new UUID((msb & 0xFFFFFFFFFFFF0FFFL) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    static byte[] bytes(Rng rng, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rng.nextLong();
        }
        return b;
    }

    private static String mac(Rng rng, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", i == 0 ? 0x02 : rng.index(256)));
        }
        return sb.toString();
    }

    static String bits(Rng rng, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = rng.nextBoolean() ? '1' : '0';
        }
        return new String(c);
    }

    private static String timestampRange(Rng rng, boolean tz) {
        LocalDate day = LocalDate.ofEpochDay(WINDOW_START_DAY + rng.between(0, 1000));
        long startHour = rng.between(6, 18);
        String suffix = tz ? "+00" : "";
        return "[\"" + day + " " + two(startHour) + ":00:00" + suffix + "\",\"" + day + " "
                + two(startHour + rng.between(1, 5)) + ":00:00" + suffix + "\")";
    }

    private static String vector(Rng rng, int dims) {
        StringBuilder sb = new StringBuilder(dims * 7).append('[');
        for (int i = 0; i < dims; i++) {
            sb.append(i == 0 ? "" : ",").append(Math.round(rng.nextDouble() * 2000 - 1000) / 1000.0);
        }
        return sb.append(']').toString();
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}

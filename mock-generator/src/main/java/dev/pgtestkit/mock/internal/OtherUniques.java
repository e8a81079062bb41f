package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.UniqueSources.Wrapped;
import dev.pgtestkit.mock.internal.value.OtherType;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Unique values of {@link OtherType}s, each an injective encoding of the coordinate. */
final class OtherUniques {

    private static final long MASK_62 = (1L << 62) - 1;

    private OtherUniques() {
    }

    static UniqueSource of(OtherType type, long key) {
        return switch (type.kind()) {
            case UUID -> uuids(key);
            case INET -> new Wrapped(1L << 24, (c, rng) -> "10." + (c >>> 16 & 255) + "." + (c >>> 8 & 255) + "."
                    + (c & 255));
            case CIDR -> new Wrapped(1L << 16, (c, rng) -> "10." + (c >>> 8 & 255) + "." + (c & 255) + ".0/24");
            case MACADDR -> new Wrapped(1L << 40, (c, rng) -> mac(c));
            case BYTEA -> new Wrapped(Long.MAX_VALUE, (c, rng) -> ByteBuffer.allocate(8).putLong(c).array());
            case BIT, VARBIT -> bits(type.length() == null ? 16 : type.length());
            case JSON -> new Wrapped(Long.MAX_VALUE, (c, rng) -> "{\"id\": " + c + "}");
            case INTERVAL -> new Wrapped(Long.MAX_VALUE / 2, (c, rng) -> c + " seconds");
            case INT_RANGE -> new Wrapped(Integer.MAX_VALUE - 1L, (c, rng) -> "[" + c + "," + (c + 1) + ")");
            case MONEY -> new Wrapped(1L << 40, (c, rng) -> c / 100 + "." + (c % 100 < 10 ? "0" : "") + c % 100);
            default -> new Wrapped(0, (c, rng) -> null);
        };
    }

    /** Version-4 UUIDs whose low 62 bits are a keyed bijection of the coordinate; the rest is random. */
    private static UniqueSource uuids(long key) {
        Permutation p = new Permutation(1L << 62, key);
        return new Wrapped(1L << 62, (c, rng) -> new UUID((rng.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x4000L,
                (p.apply(c) & MASK_62) | 0x8000000000000000L));
    }

    private static UniqueSource bits(int length) {
        int n = Math.min(length, 62);
        return new Wrapped(1L << n, (c, rng) -> {
            StringBuilder sb = new StringBuilder(Long.toBinaryString(c));
            while (sb.length() < length) {
                sb.insert(0, '0');
            }
            return sb.toString();
        });
    }

    private static String mac(long c) {
        StringBuilder sb = new StringBuilder("02");
        for (int shift = 32; shift >= 0; shift -= 8) {
            sb.append(':').append(String.format("%02x", (c >>> shift) & 255));
        }
        return sb.toString();
    }
}

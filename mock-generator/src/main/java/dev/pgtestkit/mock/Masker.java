package dev.pgtestkit.mock;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.UniqueKey;
import dev.pgtestkit.mock.internal.Permutation;
import dev.pgtestkit.mock.internal.Rng;
import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakePools;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.Hint;
import dev.pgtestkit.mock.internal.value.NameHints;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data with realistic fake values, deterministically: the value is derived from an
 * HMAC-SHA256 of the input under a secret key, so the same input always gives the same output (joins and
 * foreign keys on masked columns still match across tables and dumps) and nobody without the key can recompute
 * it. {@link #maskUnique} embeds 64 bits of the HMAC, so distinct inputs give distinct outputs (a collision
 * among n values has probability about n²/2⁶⁵); {@link #maskInteger} is an exact bijection. Thread-safe. The
 * key never appears in messages.
 *
 * <pre>{@code
 * Masker masker = Masker.withKey(secretFromVault);
 * masker.maskUnique(MaskKind.EMAIL, "jane.doe@corp.com");   // "wilbur.kemmer.3w5e11264sgsg@ankunding.biz"
 * masker.mask(table, table.column("full_name").orElseThrow(), "Jane Doe");
 * }</pre>
 */
public final class Masker {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final FakeText fake;
    private final ThreadLocal<Mac> macs;

    private Masker(byte[] secret, Locale locale) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.fake = new FakeText(new FakePools(ByteBuffer.wrap(hmac("pgtestkit:pools")).getLong(), locale));
    }

    /**
     * A masker keyed by {@code secret}, with English values.
     *
     * @param secret at least 16 bytes of key material
     */
    public static Masker withKey(byte[] secret) {
        return withKey(secret, Locale.ENGLISH);
    }

    public static Masker withKey(byte[] secret, Locale locale) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("The masking key must be at least 16 bytes long (got "
                    + secret.length + "); use a random secret kept out of the repository.");
        }
        return new Masker(secret, Objects.requireNonNull(locale, "locale"));
    }

    /** A key given as text (UTF-8, at least 16 bytes). */
    public static Masker withKey(String secret) {
        return withKey(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /** A realistic value of {@code kind} for {@code value} ({@code null} stays {@code null}); may repeat. */
    public String mask(MaskKind kind, String value) {
        return value == null ? null : fake.generate(kind.fake(), rng(kind, value));
    }

    /** Like {@link #mask}, but distinct inputs give distinct outputs, for unique columns. */
    public String maskUnique(MaskKind kind, String value) {
        return maskUnique(kind, value, Integer.MAX_VALUE);
    }

    /** Unique masking fitted to a length limit (a token is kept whole; the realistic part is shortened). */
    public String maskUnique(MaskKind kind, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        Rng rng = rng(kind, value);
        String token = Long.toUnsignedString(rng.nextLong(), 36);
        return FakeText.withToken(kind.fake(), fake.generate(kind.fake(), rng), token, 1, maxLength, rng);
    }

    /** A keyed bijection of {@code [min, max]}: distinct inputs give distinct outputs, always in range. */
    public long maskInteger(long value, long min, long max) {
        if (min > max || value < min || value > max || max - min < 0 || max - min == Long.MAX_VALUE) {
            throw new IllegalArgumentException("Cannot mask " + value + " within [" + min + ", " + max + "]: the value"
                    + " must lie in the range and the range must hold at most 2^63 - 1 values.");
        }
        long key = ByteBuffer.wrap(hmac("pgtestkit:int")).getLong();
        return min + new Permutation(max - min + 1, key).apply(value - min);
    }

    /** A version-4 UUID derived from the input (distinct inputs give distinct UUIDs but for a 2⁻¹²² chance). */
    public UUID maskUuid(UUID value) {
        if (value == null) {
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(hmac("uuid:" + value));
        return new UUID((h.getLong() & 0xFFFFFFFFFFFF0FFFL) | 0x4000L, (h.getLong() & 0x3FFFFFFFFFFFFFFFL)
                | 0x8000000000000000L);
    }

    /**
     * Masks a value of a table column if its name says it holds personal data (email, names, phone, address,
     * user name, IP address, tokens and passwords, external ids); other values are returned unchanged. Unique
     * (or primary key) columns get {@link #maskUnique}; varchar lengths are respected.
     */
    public Object mask(Table table, Column column, Object value) {
        Optional<MaskKind> kind = kindOf(table, column);
        if (value == null || kind.isEmpty()) {
            return value;
        }
        int max = column.length() == null ? Integer.MAX_VALUE : column.length();
        return isUnique(table, column) ? maskUnique(kind.get(), value.toString(), max)
                : FakeText.fit(mask(kind.get(), value.toString()), 0, max, new Rng(0));
    }

    /** What {@link #mask(Table, Column, Object)} would mask the column as, if anything. */
    public Optional<MaskKind> kindOf(Table table, Column column) {
        String type = column.type().rootType().name();
        if (!type.equals("text") && !type.equals("varchar") && !type.equals("bpchar") && !type.equals("citext")) {
            return Optional.empty();
        }
        Hint hint = NameHints.forColumn(table.simpleName(), column.name(), false, false);
        FakeKind text = hint.text();
        return Optional.ofNullable(text == null ? null : MaskKind.of(text));
    }

    private static boolean isUnique(Table table, Column column) {
        UniqueKey pk = table.primaryKey();
        return (pk != null && pk.columns().equals(List.of(column.name())))
                || table.uniqueKeys().stream().anyMatch(k -> k.columns().equals(List.of(column.name())));
    }

    private Rng rng(MaskKind kind, String value) {
        ByteBuffer h = ByteBuffer.wrap(hmac(kind.name() + ":" + value));
        return new Rng(h.getLong() ^ Long.rotateLeft(h.getLong(), 17));
    }

    private byte[] hmac(String input) {
        Mac mac = macs.get();
        return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Masker[key=<hidden>]";
    }
}

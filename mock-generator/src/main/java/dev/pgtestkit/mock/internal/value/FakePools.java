package dev.pgtestkit.mock.internal.value;

import dev.pgtestkit.mock.internal.Hash;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import net.datafaker.Faker;

/**
 * Pools of Datafaker values, one per {@link FakeKind}, built on first use from a Faker seeded with
 * (seed, kind): the pool is the same whichever thread builds it and whenever. Picking from a pool costs a hash
 * and an array read, where a Faker call costs microseconds; that is what lets generation keep up with COPY.
 */
public final class FakePools {

    private final long seed;
    private final Locale locale;
    private final Map<FakeKind, String[]> pools = new ConcurrentHashMap<>();
    /** Pools by kind ordinal once built: read on every value, so no map lookup. */
    private final AtomicReferenceArray<String[]> built = new AtomicReferenceArray<>(FakeKind.values().length);

    public FakePools(long seed, Locale locale) {
        this.seed = seed;
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The pool of a kind that has a Datafaker source. */
    @SuppressWarnings("EnumOrdinal") // a lock-free array indexed by kind, in front of the map, for the hot path
    public String[] pool(FakeKind kind) {
        String[] pool = built.get(kind.ordinal());
        if (pool == null) {
            pool = pools.computeIfAbsent(kind, this::build);
            built.set(kind.ordinal(), pool);
        }
        return pool;
    }

    private String[] build(FakeKind kind) {
        if (kind.source() == null) {
            throw new IllegalArgumentException(kind + " is composed, not pooled");
        }
        Faker faker = new Faker(locale, new Random(Hash.of(seed, Hash.of(kind.name()))));
        String[] pool = new String[kind.poolSize()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = kind.source().apply(faker);
        }
        return pool;
    }
}

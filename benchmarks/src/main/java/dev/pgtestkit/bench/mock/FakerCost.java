package dev.pgtestkit.bench.mock;

import dev.pgtestkit.mock.internal.Hash;
import dev.pgtestkit.mock.internal.Rng;
import dev.pgtestkit.mock.internal.ThreadFakers;
import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakePools;
import dev.pgtestkit.mock.internal.value.FakeText;
import java.util.Locale;

/**
 * What determinism costs with Datafaker: a first name from a per-thread Faker reseeded for every value (what
 * expression overrides do) against a pick from the seeded pool (what the generator's name heuristics do).
 */
final class FakerCost {

    private static final int VALUES = 300_000;

    private FakerCost() {
    }

    static void report() {
        ThreadFakers fakers = new ThreadFakers(Locale.ENGLISH);
        FakeText pooled = new FakeText(new FakePools(1, Locale.ENGLISH));
        Rng rng = new Rng();
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            sink += reseeded(fakers, VALUES / 10) + pooled(pooled, rng, VALUES / 10);
        }
        long t0 = System.nanoTime();
        sink += reseeded(fakers, VALUES);
        long t1 = System.nanoTime();
        sink += pooled(pooled, rng, VALUES);
        long t2 = System.nanoTime();
        double faker = (t1 - t0) / (double) VALUES;
        double pool = (t2 - t1) / (double) VALUES;
        System.out.printf("first name: reseeded Faker %.0f ns/value, pooled %.0f ns/value (%.0fx) [%d]%n", faker,
                pool, faker / pool, sink % 10);
    }

    private static long reseeded(ThreadFakers fakers, int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += fakers.faker(Hash.of(1, i)).name().firstName().length();
        }
        return total;
    }

    private static long pooled(FakeText fake, Rng rng, int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            rng.reset(Hash.of(1, i));
            total += fake.generate(FakeKind.FIRST_NAME, rng).length();
        }
        return total;
    }
}

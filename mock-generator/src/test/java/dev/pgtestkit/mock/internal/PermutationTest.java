package dev.pgtestkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermutationTest {

    @Test
    void isABijectionOfTheRangeForAwkwardSizes() {
        for (long size : new long[] {1, 2, 3, 7, 10, 255, 256, 257, 1000, 12_345}) {
            Permutation p = new Permutation(size, 42);
            Set<Long> seen = new HashSet<>();
            for (long i = 0; i < size; i++) {
                long v = p.apply(i);
                assertThat(v).isBetween(0L, size - 1);
                seen.add(v);
            }
            assertThat(seen).as("size %d", size).hasSize((int) size);
        }
    }

    @Test
    void differentKeysShuffleDifferentlyAndTheSameKeyTheSame() {
        Permutation a = new Permutation(1000, 1);
        Permutation b = new Permutation(1000, 2);
        Permutation a2 = new Permutation(1000, 1);
        int same = 0;
        for (long i = 0; i < 1000; i++) {
            same += a.apply(i) == b.apply(i) ? 1 : 0;
            assertThat(a.apply(i)).isEqualTo(a2.apply(i));
        }
        assertThat(same).isLessThan(20);
    }

    @Test
    void zipfFavoursLowRanks() {
        Zipf zipf = new Zipf(100, 1.0);
        int[] counts = new int[100];
        for (int i = 0; i < 100_000; i++) {
            counts[zipf.rank(Hash.unit(Hash.of(7, i)))]++;
        }
        assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[10] * 5);
        assertThat(counts[99]).isPositive();
    }

    @Test
    void rngIsReproducibleAfterReset() {
        Rng rng = new Rng();
        long first = rng.reset(99).nextLong();
        rng.nextLong();
        assertThat(rng.reset(99).nextLong()).isEqualTo(first);
        assertThat(rng.between(5, 5)).isEqualTo(5);
        for (int i = 0; i < 1000; i++) {
            assertThat(rng.between(-3, 3)).isBetween(-3L, 3L);
        }
    }
}

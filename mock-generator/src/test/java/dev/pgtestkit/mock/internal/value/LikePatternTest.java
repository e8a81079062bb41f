package dev.pgtestkit.mock.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.mock.internal.Rng;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void matchesLikeSql() {
        LikePattern p = new LikePattern("%_@_%", false);
        assertThat(p.matches("a@b")).isTrue();
        assertThat(p.matches("@b")).isFalse();
        assertThat(p.matches("x.y@example.com")).isTrue();
        assertThat(new LikePattern("A\\%%", false).matches("A%x")).isTrue();
        assertThat(new LikePattern("A\\%%", false).matches("Ax")).isFalse();
        assertThat(new LikePattern("abc%", true).matches("ABCdef")).isTrue();
    }

    @Test
    void generatesMatchingStringsWithinLengthBounds() {
        LikePattern p = new LikePattern("SKU-___-%", false);
        Rng rng = new Rng(1);
        for (int i = 0; i < 200; i++) {
            String s = p.generate(rng, 4, 12, null);
            assertThat(p.matches(s)).as(s).isTrue();
            assertThat(s.length()).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void distinctTokensGiveDistinctStrings() {
        LikePattern p = new LikePattern("%_@_%", false);
        Rng rng = new Rng(3);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String s = p.generate(rng, 0, 40, Long.toString(i, 36));
            assertThat(p.matches(s)).isTrue();
            seen.add(s);
        }
        assertThat(seen).hasSize(5000);
    }
}

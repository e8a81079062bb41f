package dev.pgtestkit.mock.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.mock.internal.Rng;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeTextTest {

    private final FakeText fake = new FakeText(new FakePools(1, Locale.ENGLISH));

    @Test
    void poolsAreTheSameForTheSameSeed() {
        FakePools again = new FakePools(1, Locale.ENGLISH);
        assertThat(again.pool(FakeKind.CITY)).containsExactly(fake.pools().pool(FakeKind.CITY));
        assertThat(new FakePools(2, Locale.ENGLISH).pool(FakeKind.CITY)).isNotEqualTo(fake.pools().pool(FakeKind.CITY));
    }

    @Test
    void emailsLookLikeEmails() {
        Rng rng = new Rng(5);
        for (int i = 0; i < 100; i++) {
            assertThat(fake.generate(FakeKind.EMAIL, rng)).matches("[a-z0-9]+\\.[a-z0-9]+@[a-z0-9.-]+\\.[a-z]+");
        }
    }

    @Test
    void embeddedTokensKeepValuesUniqueEvenWhenTruncated() {
        Rng rng = new Rng(9);
        for (FakeKind kind : new FakeKind[] {FakeKind.EMAIL, FakeKind.FULL_NAME, FakeKind.SLUG, FakeKind.CODE}) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                String s = FakeText.withToken(kind, fake.generate(kind, rng), FakeText.token(i), 4, 20, rng);
                assertThat(s.length()).isBetween(4, 20);
                seen.add(s);
            }
            assertThat(seen).as(kind.name()).hasSize(20_000);
        }
    }

    @Test
    void fitCutsAtWordsAndPads() {
        Rng rng = new Rng(2);
        assertThat(FakeText.fit("hello wonderful world", 1, 16, rng)).isEqualTo("hello wonderful");
        assertThat(FakeText.fit("ab", 5, 10, rng)).hasSize(5).startsWith("ab");
    }
}

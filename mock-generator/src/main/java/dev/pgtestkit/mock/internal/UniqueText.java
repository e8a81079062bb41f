package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.LikePattern;
import java.util.List;

/**
 * Unique text: a realistic value with the coordinate's base-36 token embedded ({@code maria.lopez.k3@mail.com},
 * {@code Electronics 1a}); built from the LIKE pattern instead when the realistic value does not match it.
 */
final class UniqueText implements UniqueSource {

    private final FakeText fake;
    private final FakeKind kind;
    private final String prefix;
    private final int min;
    private final int max;
    private final List<LikePattern> likes;

    UniqueText(FakeText fake, FakeKind kind, String prefix, int min, int max, List<LikePattern> likes) {
        this.fake = fake;
        this.kind = kind;
        this.prefix = prefix;
        this.min = min;
        this.max = max;
        this.likes = List.copyOf(likes);
    }

    @Override
    public long capacity() {
        if (likes.stream().anyMatch(l -> !l.open())) {
            return 1;
        }
        if (max >= 12) {
            return Long.MAX_VALUE;
        }
        return max <= 0 ? 0 : (long) Math.pow(36, max);
    }

    @Override
    public Object valueAt(long coordinate, Rng rng) {
        String token = FakeText.token(coordinate);
        String base = fake.generate(kind, rng);
        String value = FakeText.withToken(kind, prefix == null ? base : prefix + base, token, min, max, rng);
        for (LikePattern like : likes) {
            if (!like.matches(value)) {
                return like.generate(rng, min, max, token);
            }
        }
        return value;
    }
}

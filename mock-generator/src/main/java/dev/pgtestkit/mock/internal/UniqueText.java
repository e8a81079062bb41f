package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.LikePattern;

/**
 * Unique text: a realistic value with the coordinate's base-36 token embedded ({@code maria.lopez.k3@mail.com},
 * {@code Electronics 1a}); built from the LIKE pattern instead when the realistic value does not match it.
 */
final class UniqueText implements UniqueSource {

    private final TextShape shape;

    UniqueText(TextShape shape) {
        this.shape = shape;
    }

    @Override
    public long capacity() {
        if (shape.likes().stream().anyMatch(l -> !l.open())) {
            return 1;
        }
        if (shape.max() >= 12) {
            return Long.MAX_VALUE;
        }
        return shape.max() <= 0 ? 0 : (long) Math.pow(36, shape.max());
    }

    @Override
    public Object valueAt(long coordinate, Rng rng) {
        String token = FakeText.token(coordinate);
        String value = FakeText.withToken(shape.kind(), shape.base(rng), token, shape.min(), shape.max(), rng);
        LikePattern unmatched = shape.unmatched(value);
        return unmatched == null ? value : unmatched.generate(rng, shape.min(), shape.max(), token);
    }
}

package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.LikePattern;
import java.util.List;

/**
 * What a text column's values look like: a realistic kind (with an id prefix), length bounds and LIKE patterns.
 *
 * @param prefix prepended to every value ({@code cus_}), or {@code null}
 */
record TextShape(FakeText fake, FakeKind kind, String prefix, int min, int max, List<LikePattern> likes) {

    TextShape {
        likes = List.copyOf(likes);
    }

    /** A realistic value of the kind, prefix included, not yet fitted to the bounds. */
    String base(Rng rng) {
        String base = fake.generate(kind, rng);
        return prefix == null ? base : prefix + base;
    }

    /** The first pattern {@code s} does not match, or {@code null}. */
    LikePattern unmatched(String s) {
        for (LikePattern like : likes) {
            if (!like.matches(s)) {
                return like;
            }
        }
        return null;
    }
}

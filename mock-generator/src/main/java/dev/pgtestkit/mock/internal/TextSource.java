package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.LikePattern;
import java.util.Set;

/**
 * Realistic text of a {@link TextShape} fitted to the column's length bounds; when a LIKE pattern rejects it,
 * a string is built from the pattern instead. Excluded values (NOT IN) get a letter appended.
 */
final class TextSource implements ValueSource {

    private final TextShape shape;
    private final Set<String> excluded;

    TextSource(TextShape shape, Set<String> excluded) {
        this.shape = shape;
        this.excluded = Set.copyOf(excluded);
    }

    @Override
    public Object next(Rng rng, RowBuffer row) {
        String s = FakeText.fit(shape.base(rng), shape.min(), shape.max(), rng);
        for (int tries = 0; tries <= shape.likes().size(); tries++) {
            LikePattern like = shape.unmatched(s);
            if (like == null) {
                break;
            }
            s = like.generate(rng, shape.min(), shape.max(), null);
        }
        if (shape.unmatched(s) != null) {
            return INFEASIBLE;
        }
        while (excluded.contains(s) && s.length() < shape.max()) {
            s = s + (char) ('a' + rng.index(26));
        }
        return excluded.contains(s) ? INFEASIBLE : s;
    }
}

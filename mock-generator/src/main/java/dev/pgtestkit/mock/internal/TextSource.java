package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.FakeKind;
import dev.pgtestkit.mock.internal.value.FakeText;
import dev.pgtestkit.mock.internal.value.LikePattern;
import java.util.List;
import java.util.Set;

/**
 * Realistic text of a {@link FakeKind} fitted to the column's length bounds; when a LIKE pattern rejects it,
 * a string is built from the pattern instead. Excluded values (NOT IN) get a letter appended.
 */
final class TextSource implements ValueSource {

    private final FakeText fake;
    private final FakeKind kind;
    private final String prefix;
    private final int min;
    private final int max;
    private final List<LikePattern> likes;
    private final Set<String> excluded;

    TextSource(FakeText fake, FakeKind kind, String prefix, int min, int max, List<LikePattern> likes,
               Set<String> excluded) {
        this.fake = fake;
        this.kind = kind;
        this.prefix = prefix;
        this.min = min;
        this.max = max;
        this.likes = List.copyOf(likes);
        this.excluded = Set.copyOf(excluded);
    }

    @Override
    public Object next(Rng rng, RowBuffer row) {
        String base = fake.generate(kind, rng);
        String s = FakeText.fit(prefix == null ? base : prefix + base, min, max, rng);
        for (LikePattern like : likes) {
            if (!like.matches(s)) {
                s = like.generate(rng, min, max, null);
            }
        }
        while (excluded.contains(s) && s.length() < max) {
            s = s + (char) ('a' + rng.index(26));
        }
        return excluded.contains(s) ? INFEASIBLE : s;
    }
}

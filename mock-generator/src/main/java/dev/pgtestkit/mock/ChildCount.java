package dev.pgtestkit.mock;

/**
 * How many child rows each parent row gets, and through which foreign key (the seed's
 * {@code {"posts": {"count": 3, "fk_column": "user_id"}}}).
 *
 * @param min      fewest children per parent (0 or more)
 * @param max      most children per parent ({@code >= min}); each parent's count is drawn from [min, max]
 * @param fkColumn the child's column (or FK constraint name) pointing at the parent; {@code null} = the only
 *                 foreign key to the parent table (an error if there are several)
 */
public record ChildCount(int min, int max, String fkColumn) {

    public ChildCount {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("children per parent must satisfy 0 <= min <= max, got min=" + min
                    + ", max=" + max);
        }
    }

    /** Exactly {@code count} children per parent. */
    public static ChildCount of(int count) {
        return new ChildCount(count, count, null);
    }

    /** Exactly {@code count} children per parent, through {@code fkColumn}. */
    public static ChildCount of(int count, String fkColumn) {
        return new ChildCount(count, count, fkColumn);
    }

    /** Between {@code min} and {@code max} children per parent (inclusive, deterministic per parent). */
    public static ChildCount between(int min, int max) {
        return new ChildCount(min, max, null);
    }

    /** The same counts through the given column or constraint name. */
    public ChildCount via(String fkColumnOrConstraint) {
        return new ChildCount(min, max, fkColumnOrConstraint);
    }
}

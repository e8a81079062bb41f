package dev.pgtestkit.mock.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One-dimensional arrays of 0..3 elements (1..3 when the column is NOT NULL, so it does not look empty).
 * Enum arrays hold distinct labels.
 */
final class ArraySource implements ValueSource {

    private final ValueSource element;
    private final int min;
    private final int max;
    private final boolean distinct;

    ArraySource(ValueSource element, int min, int max, boolean distinct) {
        this.element = element;
        this.min = min;
        this.max = max;
        this.distinct = distinct;
    }

    @Override
    public Object next(Rng rng, RowBuffer row) {
        int n = (int) rng.between(min, max);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n * 3 && list.size() < n; i++) {
            Object v = element.next(rng, row);
            if (v == INFEASIBLE) {
                return INFEASIBLE;
            }
            if (!distinct || !list.contains(v)) {
                list.add(v);
            }
        }
        return list;
    }
}

package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.RowContext;
import java.util.List;
import java.util.function.Function;

/** Small value sources: constants, NULL, picks from a list, booleans, nullable wrappers, overrides. */
final class SimpleSources {

    private SimpleSources() {
    }

    static ValueSource constant(Object value) {
        return (rng, row) -> value;
    }

    static ValueSource nullable(ValueSource inner, double nullFraction) {
        if (nullFraction <= 0) {
            return inner;
        }
        return (rng, row) -> rng.chance(nullFraction) ? null : inner.next(rng, row);
    }

    /** One of {@code values}, uniformly; INFEASIBLE when the list is empty. */
    static ValueSource oneOf(List<?> values) {
        if (values.isEmpty()) {
            return (rng, row) -> ValueSource.INFEASIBLE;
        }
        Object[] array = values.toArray();
        return (rng, row) -> array[rng.index(array.length)];
    }

    static ValueSource bool(double trueProbability) {
        return (rng, row) -> rng.chance(trueProbability);
    }

    static ValueSource expression(String expression, ThreadFakers fakers) {
        return (rng, row) -> fakers.faker(rng.nextLong()).expression(expression);
    }

    static ValueSource computed(Function<RowContext, Object> function) {
        return (rng, row) -> function.apply(row);
    }
}

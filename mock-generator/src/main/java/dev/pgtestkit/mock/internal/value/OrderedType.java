package dev.pgtestkit.mock.internal.value;

/**
 * A type whose values map monotonically onto whole numbers ("positions"): integers, fixed-scale numerics
 * (units of the last digit), floats (fixed units), dates (days), timestamps and times (units of their
 * precision), enums (label index). Ranges from checks and column-vs-column bounds become position ranges, so
 * values are constructed inside them instead of being retried.
 */
public interface OrderedType extends ValueType {

    /** Smallest position the type can store. */
    long minPosition();

    /** Largest position the type can store. */
    long maxPosition();

    /** The value at a position. */
    Object valueAt(long position);

    /** Greatest position whose value is {@code <= value}. */
    long floor(Object value);

    /** Least position whose value is {@code >= value}. */
    long ceil(Object value);

    /** Positions per "natural" unit used for realistic defaults (1 for integers, 100 for numeric(10,2)...). */
    default long unit() {
        return 1;
    }

    @Override
    default boolean ordered() {
        return true;
    }

    @Override
    default int compare(Object a, Object b) {
        long fa = floor(a);
        long fb = floor(b);
        if (fa != fb) {
            return Long.compare(fa, fb);
        }
        return Long.compare(ceil(a), ceil(b));
    }
}

package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import java.util.Map;

/**
 * An atom evaluated on a generated row in SQL's three-valued logic: {@link #TRUE}, {@link #FALSE} or
 * {@link #UNKNOWN} (a NULL operand, or an atom only the server can evaluate).
 */
@FunctionalInterface
interface AtomTest {

    int TRUE = 1;
    int FALSE = 0;
    int UNKNOWN = -1;

    int test(Object[] row);

    /** The test for an atom, or {@code null} when it can only be evaluated by the server. */
    static AtomTest of(Atom atom, Map<String, ColumnSpec> columns) {
        try {
            return AtomTests.build(atom, columns);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    static int of(boolean b) {
        return b ? TRUE : FALSE;
    }
}

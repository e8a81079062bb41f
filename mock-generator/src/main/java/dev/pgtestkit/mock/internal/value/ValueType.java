package dev.pgtestkit.mock.internal.value;

/**
 * How the generator handles one Postgres type: reading literals from check definitions and existing rows,
 * and comparing values for the checks it evaluates itself. Implementations are immutable.
 */
public interface ValueType {

    /** The type as Postgres prints it ({@code numeric(10,2)}, {@code mood}). */
    String displayName();

    /**
     * A value from its Postgres text form (a literal in a check, or {@code col::text} of an existing row).
     *
     * @throws IllegalArgumentException when the text is not a value of this type
     */
    Object parse(String text);

    /** Whether {@link #compare} gives SQL's order for this type. Unordered types only support equality. */
    default boolean ordered() {
        return false;
    }

    /** SQL comparison of two non-null values of this type (equality by {@code equals} when unordered). */
    default int compare(Object a, Object b) {
        return a.equals(b) ? 0 : 1;
    }
}

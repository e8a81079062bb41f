package dev.pgtestkit.mock.internal.check;

import java.util.List;

/**
 * One condition of a check in disjunctive normal form, over a single column or a pair of columns. Column
 * names are as stored in the catalog; {@link Expr#VALUE} stands for a domain's value. Literals are kept as
 * text and converted by the column's type.
 */
public sealed interface Atom {

    /** {@code column op literal}; a bare boolean column is {@code column = true}. */
    record Compare(String column, Op op, String literal) implements Atom {
    }

    /** {@code column IN (...)} or, negated, {@code NOT IN}; printed as {@code = ANY (ARRAY[...])}. */
    record InSet(String column, List<String> values, boolean negated) implements Atom {
        public InSet {
            values = List.copyOf(values);
        }
    }

    /** {@code left op right}, two columns of the same row. */
    record Relation(String left, Op op, String right) implements Atom {
    }

    /** {@code column IS NULL} ({@code isNull}) or {@code column IS NOT NULL}. */
    record NullTest(String column, boolean isNull) implements Atom {
    }

    /** {@code char_length(column) op bound} (also {@code length}, {@code character_length}). */
    record Length(String column, Op op, long bound) implements Atom {
    }

    /** {@code column LIKE pattern} ({@code ~~}), or ILIKE ({@code ~~*}). */
    record Like(String column, String pattern, boolean caseInsensitive) implements Atom {
    }

    /**
     * {@code column ~ pattern} (POSIX regular expression, {@code ~*} case-insensitive): values are generated from
     * the pattern and the server verifies them, as its regular expressions are not Java's.
     */
    record Regex(String column, String pattern, boolean caseInsensitive) implements Atom {
    }

    /** A condition the generator does not understand; the server verifies the whole check instead. */
    record Opaque(String description) implements Atom {
    }
}

package dev.pgtestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fills a table with generated rows that satisfy its constraints (the mock generator), before the test or, on the
 * class, before the class's tests (inside the class transaction when the class has {@link WithTransaction}; with
 * {@link Isolation#DATABASE_PER_TEST}, into each test's database). Parents a table needs are generated too.
 * Applied after {@link Fixture}s, in declaration order.
 *
 * <pre>{@code
 * @MockData(table = "users", rows = 10, children = @MockData.Child(table = "notes", count = 3), seed = 7)
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(MockData.List.class)
public @interface MockData {

    /** Table name, matched forgivingly ({@code User} finds {@code users}); {@code schema.table} also works. */
    String table();

    /** Rows of {@link #table()}; default 10. With children: parent rows, each with its children. */
    long rows() default 10;

    /** Child tables generated per parent row; default none. */
    Child[] children() default {};

    /** The seed every value derives from; default 0. Same seed, same rows. */
    long seed() default 0;

    /** Rows of a child table per parent row: exactly {@code count}, or between {@code count} and {@code max}. */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Child {

        /** Child table name, matched forgivingly. */
        String table();

        /** Rows per parent (the minimum when {@link #max()} is set); default 1. */
        int count() default 1;

        /** Maximum rows per parent; default -1: exactly {@link #count()}. */
        int max() default -1;

        /** Foreign-key column (or constraint) to the parent when there are several; default: the only one. */
        String via() default "";
    }

    /** Container of repeated {@link MockData}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        MockData[] value();
    }
}

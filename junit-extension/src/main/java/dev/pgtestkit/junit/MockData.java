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
 * @MockData(table = "notes", rows = 50,
 *           columns = @MockData.Column(name = "status", value = "published"),
 *           tables = @MockData.Table(name = "users", rows = 2, columns = @MockData.Column(name = "isAdmin", value = "false")))
 * }</pre>
 *
 * <p>The attributes mirror the generator's {@code GenerationPlan}: {@link #table()} and {@link #rows()} are
 * {@code table(name, rows)}, {@link #columns()} its {@code column(name, ColumnOverride)}, a {@link Child} a
 * {@code perParent} count, and {@link #tables()} more {@code table(...)} entries of the same plan. Table and column
 * names are matched forgivingly; a miss fails the test with the names that exist.
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

    /** Values for columns of {@link #table()} instead of generated ones; default none. */
    Column[] columns() default {};

    /**
     * More tables of the same plan, each with its own row count and column values; default none. Name a parent
     * here to decide its rows (a table's parents are otherwise generated with 10 rows when they have none, and
     * picked among the existing rows when they have some).
     */
    Table[] tables() default {};

    /**
     * One column's value in every row: exactly one of {@link #value()}, {@link #expression()}, {@link #isNull()},
     * {@link #serverDefault()} (the generator's {@code ColumnOverride.constant}, {@code expression},
     * {@code constant(null)}, {@code serverDefault}). A constant on a unique column fails when more than one row is
     * asked for.
     */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Column {

        /** What {@link #value()} holds when it is not set. */
        String UNSET = "\u0000unset";

        /** Column name, matched forgivingly. */
        String name();

        /** The value in PostgreSQL's text form: {@code "42"}, {@code "true"}, {@code "2025-01-31"}, {@code "{\"a\": 1}"}. */
        String value() default UNSET;

        /** A Datafaker expression evaluated per row, e.g. {@code "#{Name.firstName}"}; default none. */
        String expression() default "";

        /** NULL in every row; default false. */
        boolean isNull() default false;

        /** Left out of the insert, so the column's default (or sequence) fills it in; default false. */
        boolean serverDefault() default false;
    }

    /** Another table of the plan: {@code rows} rows with the given column values. */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Table {

        /** Table name, matched forgivingly; {@code schema.table} also works. */
        String name();

        /** Rows to generate; default 10. */
        long rows() default 10;

        /** Values for its columns instead of generated ones; default none. */
        Column[] columns() default {};
    }

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

        /** Values for the child table's columns instead of generated ones; default none. */
        Column[] columns() default {};
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

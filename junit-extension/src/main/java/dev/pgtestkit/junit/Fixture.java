package dev.pgtestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads JSON or YAML fixture files (core's {@code Fixtures}: a map of table name to rows, parents loaded first,
 * foreign keys by id or natural key) before the test or, on the class, before the class's tests (inside the class
 * transaction when the class has {@link WithTransaction}). Applied before {@link MockData}.
 *
 * <p>A file name is a class path resource, looked up next to the test class first ({@code users.json} in the test
 * class's package), then from the class path root ({@code fixtures/users.json}); a leading {@code /} means the root.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Fixture.List.class)
public @interface Fixture {

    /** Resource names of .json, .yaml or .yml files, loaded in order. */
    String[] value();

    /** Container of repeated {@link Fixture}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {
        Fixture[] value();
    }
}

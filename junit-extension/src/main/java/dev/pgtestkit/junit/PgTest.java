package dev.pgtestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a PostgreSQL database of its own, cloned from a template built from the named migrations (or a
 * db-sync {@link #dump()}).
 *
 * <pre>{@code
 * @PgTest(migrations = "classpath:db/migration")
 * @WithTransaction
 * class UserRepositoryTest {
 *     @Test
 *     void savesUsers(DataSource dataSource) { ... }   // rolled back afterwards, even if the code commits
 * }
 * }</pre>
 *
 * <p>The server comes from {@code PostgresProvider.auto()}, once per JVM and configuration (embedded PostgreSQL unless
 * {@code PGTESTKIT_URL} names one or Docker answers): classes asking for the same {@link #postgres()} version and
 * {@link #settings()} share a server, classes asking for others get servers of their own. The template is built once per distinct set of migrations
 * (and reused by later runs until a file changes); each test class gets a clone from a warm pool, or each test
 * method with {@link Isolation#DATABASE_PER_TEST}. {@code @Nested} classes share their enclosing class's database
 * unless they carry {@code @PgTest} themselves.
 *
 * <p>Test and lifecycle methods can declare parameters of these types: {@code DataSource}, {@code Connection},
 * {@code TestTransaction}, {@code DisposableDatabase}, {@code SchemaRegistry}, the row API, the mock generator,
 * the query log, and Jdbi's {@code Jdbi} and {@code Handle} when Jdbi is on the class path. See the module README.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PgTestExtension.class)
public @interface PgTest {

    /** Flyway locations, e.g. {@code classpath:db/migration} or {@code filesystem:sql}; default none. */
    String[] migrations() default {};

    /**
     * Plain SQL scripts run after the migrations, in order: {@code classpath:schema.sql} or a file path (relative
     * to the working directory); default none.
     */
    String[] scripts() default {};

    /**
     * A db-sync dump directory the template is restored from, e.g. {@code "src/test/dumps/app-masked"} (relative to
     * the working directory); default none. Needs {@code dev.pgtestkit:pgtestkit-db-sync} on the test class path
     * (found by name: the extension does not depend on it). The template is keyed by the manifest's content hash, so
     * it is restored once per server and content: a new dump of unchanged data reuses it, a changed one builds
     * another. The dump is restored before the {@link #migrations()} and {@link #scripts()}, which can bring it up
     * to date.
     */
    String dump() default "";

    /**
     * The PostgreSQL major version, e.g. {@code "18"}; default {@code ""}: {@code PGTESTKIT_PG_VERSION} (or
     * {@code -Dpgtestkit.pg.version}) when set, else the provider's (17). Embedded binaries of another version come
     * from the local Maven repository, a Testcontainers image gets the version as its tag, and a
     * {@code PGTESTKIT_URL} server must run that version.
     */
    String postgres() default "";

    /**
     * Server settings as {@code name=value}, e.g. {@code shared_preload_libraries=pg_stat_statements}; default none.
     * The embedded server and containers start with them; a {@code PGTESTKIT_URL} server must already have them.
     */
    String[] settings() default {};

    /**
     * Extensions created in the template database before the migrations, e.g. {@code citext}; default none. Part of
     * the template's identity: classes with other extensions get another template.
     */
    String[] extensions() default {};

    /** One database per class (default) or per test method. */
    Isolation isolation() default Isolation.DATABASE_PER_CLASS;

    /**
     * Keep the database of a failed test (of a class with a failed test, for per-class databases) and log its JDBC
     * URL; default false. With {@link Isolation#DATABASE_PER_TEST} a failed {@link WithTransaction} test's
     * transaction is committed instead of rolled back, so the kept database shows what the test wrote.
     */
    boolean keepOnFailure() default false;
}

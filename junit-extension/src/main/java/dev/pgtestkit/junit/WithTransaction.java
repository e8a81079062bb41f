package dev.pgtestkit.junit;

import dev.pgtestkit.core.tx.IsolationLevel;
import dev.pgtestkit.core.tx.ThreadPolicy;
import dev.pgtestkit.core.tx.TransactionIsolationException;
import dev.pgtestkit.junit.internal.ClassTransactionLocks;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs each test in a transaction that is rolled back afterwards, even when the code under test commits. Needs
 * {@link PgTest} on the class (or an enclosing class).
 *
 * <p>The {@code DataSource} (and {@code Connection}, {@code Jdbi}, {@code Handle}) the test receives pins one
 * physical connection: every {@code getConnection()} returns a view of it, so a HikariCP pool or a Jdbi built on
 * that DataSource shares the test's transaction. On those connections {@code commit()} releases a savepoint,
 * {@code rollback()} rolls back to it, and neither {@code setAutoCommit(true)} nor {@code close()} ends the test
 * transaction. A failing statement aborts the transaction as in PostgreSQL (the code's {@code rollback()} recovers,
 * as it would), unless {@link #statementSavepoints()} is on.
 *
 * <p>On a class, the transaction spans the class: {@code @BeforeAll} methods (and class-level data annotations)
 * write once, each test starts from that state, and each {@code @Nested} class adds a savepoint level of its own.
 * Such a class runs its tests one at a time, even in parallel mode (a resource lock per class on JUnit 5.12 and
 * later; on 5.10 and 5.11 the extension makes them take turns); other classes still run in parallel. On a method
 * only, the test gets a transaction of its own and runs in parallel freely.
 *
 * <p>At the end of each test, deferred constraints are checked ({@code SET CONSTRAINTS ALL IMMEDIATE}), so a test
 * cannot pass with data a COMMIT would reject; then everything is rolled back. What a rollback cannot undo fails
 * with a {@link TransactionIsolationException} that explains it: statements PostgreSQL refuses in a transaction
 * ({@code VACUUM}, {@code CREATE INDEX CONCURRENTLY}, {@code CREATE DATABASE}...), other sessions left open on the
 * test database, threads that wait too long for a transaction another thread holds open.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PgTestExtension.class)
// The shared READ lock excludes nobody; JUnit before 5.12 requires a value and ignores "providers", which it does
// not know (ClassTransactionGate serializes class transactions there).
@ResourceLock(value = "dev.pgtestkit.junit.WithTransaction", mode = ResourceAccessMode.READ,
        providers = ClassTransactionLocks.class)
public @interface WithTransaction {

    /**
     * Restore every sequence after each test to where it was when the test began, for tests that assert generated
     * ids (PostgreSQL never rolls sequences back); default false. Costs one statement per moved sequence.
     */
    boolean resetSequences() default false;

    /** Use of the test's connection from other threads; default {@link ThreadPolicy#SERIALIZE}. */
    ThreadPolicy threads() default ThreadPolicy.SERIALIZE;

    /** With {@link ThreadPolicy#SERIALIZE}: how long a thread waits for another's open transaction; default 30. */
    int threadWaitSeconds() default 30;

    /**
     * When to fail a test that ends with another session open on its database (a connection that bypassed the
     * test's DataSource, whose writes are committed); default {@link SessionCheck#SPACED}.
     */
    SessionCheck otherSessions() default SessionCheck.SPACED;

    /**
     * Wrap each statement of the code under test in a savepoint (PgJDBC {@code autosave=always}), so a failing
     * statement on an auto-commit connection does not abort the test transaction, as it would not abort a real
     * auto-commit statement; for code that catches a constraint violation and carries on. Default false: it costs
     * two extra commands per statement. When off, the statement after such a failure fails with an explanation.
     */
    boolean statementSavepoints() default false;

    /**
     * The isolation level the test transaction begins at; default {@link IsolationLevel#DEFAULT}, the server's
     * (READ COMMITTED unless configured). A transaction's level cannot change once it has begun: on a class, it is the
     * level of the class's transaction, and a test of the class that asks for another one fails with an explanation.
     * The code under test may ask for this level or a weaker one ({@code setTransactionIsolation},
     * {@code BEGIN ISOLATION LEVEL}); a stronger one is refused with an explanation, and
     * {@code getTransactionIsolation()} reports this level.
     */
    IsolationLevel isolationLevel() default IsolationLevel.DEFAULT;
}

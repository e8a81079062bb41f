package dev.pgtestkit.querylog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One execution of a statement (or of a batch) through a logged connection. Immutable once recorded, except that
 * the plan of a slow statement arrives later ({@link #plan()}, {@link #awaitPlan(Duration)}).
 *
 * <p>An execution that returns a result set is recorded when the result set is exhausted or closed (or its
 * statement runs again or closes), so {@link #rows()} counts the rows the application read. Durations cover the
 * execution call only (for PgJDBC's default fetch size that includes receiving every row).
 */
public interface QueryEvent {

    /** What a redacted value looks like in parameters, SQL text, logs and reports. */
    String REDACTED = "***";

    /** Sequence number within its logger, from 1, in completion order. */
    long id();

    /** When the execution started (wall clock, derived from the monotonic clock at logger start). */
    Instant startedAt();

    /** The SQL as executed, with constants of secret columns replaced by {@code '***'}. */
    String sql();

    /** The normalized form that groups executions of the same statement (see the README). */
    String normalizedSql();

    /** The statement type: JSqlParser's when it parsed the statement, else the lexer's. May wait for the parser. */
    StatementType type();

    /**
     * The type of each statement the execution ran: one for a single statement, several for a string of statements
     * separated by semicolons ({@code SELECT 1; SELECT 2} is two SELECTs for the counts of {@link QueryLog}).
     */
    default List<StatementType> statementTypes() {
        return List.of(type());
    }

    /** Tables the statement names (lower case unless quoted, schema-qualified as written). May wait for the parser. */
    List<String> tables();

    /**
     * The bound values: one list per execution, one per {@code addBatch} for batches (the first
     * {@code QueryLogger.Builder#batchParameterSets} of them, 10 by default); secret ones are {@value #REDACTED}.
     * Empty when the statement has no parameters or parameter capture is off.
     */
    List<List<Object>> parameters();

    long durationNanos();

    default Duration duration() {
        return Duration.ofNanos(durationNanos());
    }

    /** Rows read from the result set, or rows affected (summed over a batch); -1 when the driver did not say. */
    long rows();

    /** Number of {@code addBatch} calls executed together; 0 for a single execution. */
    int batchSize();

    default boolean isBatch() {
        return batchSize() > 0;
    }

    /** Name of the thread that executed the statement. */
    String threadName();

    /** Where the application executed it; empty when call sites are off or no application frame was found. */
    Optional<CallSite> callSite();

    /**
     * Whether {@link #callSite()} was inferred from an earlier execution of the same SQL instead of walking the
     * stack (call sites are sampled outside scopes; see {@link CallSiteCapture#SAMPLED}).
     */
    boolean callSiteInferred();

    boolean succeeded();

    /** The SQLState of the failure; empty when it succeeded. */
    Optional<String> sqlState();

    /** The driver's message of the failure; empty when it succeeded. */
    Optional<String> errorMessage();

    /** Whether it took at least the logger's slow threshold. */
    boolean slow();

    /** Whether the in-flight scanner reported it while it was still running. */
    boolean reportedWhileRunning();

    /** The plan of a slow statement once captured; empty for statements that were not slow or while pending. */
    Optional<QueryPlan> plan();

    /** Waits up to {@code timeout} for the plan of a slow statement; empty when there is none. */
    Optional<QueryPlan> awaitPlan(Duration timeout);

    /** The name the application gave the statement (e.g. a Jdbi SQL object method); empty when none. */
    Optional<String> statementName();
}

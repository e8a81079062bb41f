package dev.pgtestkit.querylog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link QueryLog}. Failure messages list the statements involved (normalized, with
 * counts and call sites). Needs {@code org.assertj:assertj-core} on the test class path.
 *
 * <pre>{@code
 * QueryLogAssert.assertThat(scope.log())
 *         .hasSelectCount(1)
 *         .hasStatementCountForTable(StatementType.INSERT, "orders", 3)
 *         .hasNoNPlusOne()
 *         .hasNoSlowQueries();
 * }</pre>
 */
public class QueryLogAssert extends AbstractAssert<QueryLogAssert, QueryLog> {

    protected QueryLogAssert(QueryLog actual) {
        super(actual, QueryLogAssert.class);
    }

    public static QueryLogAssert assertThat(QueryLog actual) {
        return new QueryLogAssert(actual);
    }

    /** Exactly {@code expected} executions in all (a batch counts once). */
    public QueryLogAssert hasStatementCount(int expected) {
        return expectCount("statements", e -> true, e -> 1, expected);
    }

    /** Exactly {@code expected} statements of {@code type} (each of a string of several counts). */
    public QueryLogAssert hasStatementCount(StatementType type, int expected) {
        return expectCount(type + " statements", e -> e.statementTypes().contains(type), e -> weight(e, type),
                expected);
    }

    public QueryLogAssert hasSelectCount(int expected) {
        return hasStatementCount(StatementType.SELECT, expected);
    }

    public QueryLogAssert hasInsertCount(int expected) {
        return hasStatementCount(StatementType.INSERT, expected);
    }

    public QueryLogAssert hasUpdateCount(int expected) {
        return hasStatementCount(StatementType.UPDATE, expected);
    }

    public QueryLogAssert hasDeleteCount(int expected) {
        return hasStatementCount(StatementType.DELETE, expected);
    }

    /** At most {@code max} executions in all: a query budget. */
    public QueryLogAssert hasStatementCountAtMost(int max) {
        return expectAtMost("statements", e -> true, e -> 1, max);
    }

    /** At most {@code max} executions of {@code type}. */
    public QueryLogAssert hasStatementCountAtMost(StatementType type, int max) {
        return expectAtMost(type + " statements", e -> e.statementTypes().contains(type), e -> weight(e, type), max);
    }

    /** Exactly {@code expected} executions naming {@code table} (see {@link QueryLog#countForTable(String)}). */
    public QueryLogAssert hasStatementCountForTable(String table, int expected) {
        return expectCount("statements on table '" + table + "'", e -> QueryLog.namesTable(e, table), e -> 1,
                expected);
    }

    /** Exactly {@code expected} executions of {@code type} naming {@code table}. */
    public QueryLogAssert hasStatementCountForTable(StatementType type, String table, int expected) {
        return expectCount(type + " statements on table '" + table + "'",
                e -> e.statementTypes().contains(type) && QueryLog.namesTable(e, table), e -> 1, expected);
    }

    /** No N+1 finding (see {@link NPlusOneFinding}). */
    public QueryLogAssert hasNoNPlusOne() {
        isNotNull();
        List<NPlusOneFinding> findings = actual.nPlusOneFindings();
        if (!findings.isEmpty()) {
            failWithMessage("Expected no N+1 queries but found %d:%n%s", findings.size(),
                    findings.stream().map(f -> "  " + f.describe()).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /**
     * At least one N+1 finding (see {@link NPlusOneFinding}), e.g. to prove a test workload exercises the pattern
     * the application must not have.
     */
    public QueryLogAssert hasNPlusOne() {
        isNotNull();
        if (actual.nPlusOneFindings().isEmpty()) {
            failWithMessage("Expected an N+1 finding (one SELECT from one call site run at least %d times with"
                    + " different parameters) but found none among:%n%s", actual.nPlusOneThreshold(),
                    listing(actual.events()));
        }
        return this;
    }

    /** No execution at or above the logger's slow threshold. */
    public QueryLogAssert hasNoSlowQueries() {
        isNotNull();
        List<QueryEvent> slow = actual.slowQueries();
        if (!slow.isEmpty()) {
            failWithMessage("Expected no slow queries but found %d:%n%s", slow.size(), slow.stream()
                    .map(e -> String.format(Locale.ROOT, "  %.1f ms: %s%s%s", e.durationNanos() / 1e6, e.sql(),
                            e.callSite().map(s -> " at " + s).orElse(""),
                            e.plan().map(p -> " | plan: " + p).orElse("")))
                    .collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** No failed execution. */
    public QueryLogAssert hasNoFailures() {
        isNotNull();
        List<QueryEvent> failures = actual.failures();
        if (!failures.isEmpty()) {
            failWithMessage("Expected no failed statements but found %d:%n%s", failures.size(), failures.stream()
                    .map(e -> "  [" + e.sqlState().orElse("?") + "] " + e.errorMessage().orElse("") + ": " + e.sql())
                    .collect(Collectors.joining("\n")));
        }
        return this;
    }

    private QueryLogAssert expectCount(String what, Predicate<QueryEvent> filter, ToLongFunction<QueryEvent> weight,
                                       int expected) {
        isNotNull();
        List<QueryEvent> matching = actual.events().stream().filter(filter).toList();
        long count = matching.stream().mapToLong(weight).sum();
        if (count != expected) {
            failWithMessage("Expected %d %s but found %d:%n%s", expected, what, count, listing(matching));
        }
        return this;
    }

    private QueryLogAssert expectAtMost(String what, Predicate<QueryEvent> filter, ToLongFunction<QueryEvent> weight,
                                        int max) {
        isNotNull();
        List<QueryEvent> matching = actual.events().stream().filter(filter).toList();
        long count = matching.stream().mapToLong(weight).sum();
        if (count > max) {
            failWithMessage("Expected at most %d %s but found %d:%n%s", max, what, count, listing(matching));
        }
        return this;
    }

    /** Statements of {@code type} an execution ran. */
    private static long weight(QueryEvent event, StatementType type) {
        return event.statementTypes().stream().filter(t -> t == type).count();
    }

    /** One line per normalized statement and call site: {@code 3x SELECT ... at Foo.bar(Foo.java:12)}. */
    private static String listing(List<QueryEvent> events) {
        if (events.isEmpty()) {
            return "  (none)";
        }
        Map<String, Long> counts = events.stream().collect(Collectors.groupingBy(
                e -> e.normalizedSql() + e.callSite().map(s -> "  at " + s).orElse(""),
                java.util.LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> "  " + e.getValue() + "x " + e.getKey())
                .collect(Collectors.joining("\n"));
    }
}

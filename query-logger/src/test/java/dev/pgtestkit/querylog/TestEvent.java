package dev.pgtestkit.querylog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A hand-made {@link QueryEvent} for tests that need no database. */
record TestEvent(long id, String sql, String normalizedSql, StatementType type, List<String> tables,
        List<List<Object>> parameters, long durationNanos, long rows, int batchSize, CallSite site, String failureState,
        boolean slow) implements QueryEvent {

    static TestEvent select(String normalized, long millis, CallSite site, Object... parameters) {
        return new TestEvent(0, normalized, normalized, StatementType.SELECT, List.of("users"),
                parameters.length == 0 ? List.of() : List.of(List.of(parameters)), millis * 1_000_000, 1, 0, site,
                null, false);
    }

    TestEvent withType(StatementType newType, String... newTables) {
        return new TestEvent(id, sql, normalizedSql, newType, List.of(newTables), parameters, durationNanos, rows,
                batchSize, site, failureState, slow);
    }

    TestEvent failed(String state) {
        return new TestEvent(id, sql, normalizedSql, type, tables, parameters, durationNanos, -1, batchSize, site,
                state, slow);
    }

    TestEvent asSlow() {
        return new TestEvent(id, sql, normalizedSql, type, tables, parameters, durationNanos, rows, batchSize, site,
                failureState, true);
    }

    @Override
    public Instant startedAt() {
        return Instant.EPOCH;
    }

    @Override
    public String threadName() {
        return "main";
    }

    @Override
    public Optional<CallSite> callSite() {
        return Optional.ofNullable(site);
    }

    @Override
    public boolean callSiteInferred() {
        return false;
    }

    @Override
    public boolean succeeded() {
        return failureState == null;
    }

    @Override
    public Optional<String> sqlState() {
        return Optional.ofNullable(failureState);
    }

    @Override
    public Optional<String> errorMessage() {
        return Optional.ofNullable(failureState).map(s -> "failed with " + s);
    }

    @Override
    public boolean reportedWhileRunning() {
        return false;
    }

    @Override
    public Optional<QueryPlan> plan() {
        return Optional.empty();
    }

    @Override
    public Optional<QueryPlan> awaitPlan(Duration timeout) {
        return Optional.empty();
    }

    @Override
    public Optional<String> statementName() {
        return Optional.empty();
    }
}

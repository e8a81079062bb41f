package dev.pgtestkit.querylog;

import dev.pgtestkit.querylog.internal.NPlusOneDetector;
import dev.pgtestkit.querylog.internal.StatsCalculator;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An immutable list of {@link QueryEvent}s (a scope's, or the logger's recent history) with the questions tests
 * ask of it: counts per type and table, slow statements, failures, N+1 findings, statistics. Assertions take it:
 * {@code QueryLogAssert.assertThat(log).hasSelectCount(1).hasNoNPlusOne()}.
 */
public final class QueryLog {

    /** Executions of one SELECT from one call site that make an N+1 finding, unless the logger says otherwise. */
    public static final int DEFAULT_N_PLUS_ONE_THRESHOLD = 5;

    private static final QueryLog EMPTY = new QueryLog(List.of(), DEFAULT_N_PLUS_ONE_THRESHOLD, 0);

    private final List<QueryEvent> events;
    private final int nPlusOneThreshold;
    private final long omittedEarlier;
    private volatile QueryStats stats;
    private volatile List<NPlusOneFinding> nPlusOne;

    private QueryLog(List<QueryEvent> events, int nPlusOneThreshold, long omittedEarlier) {
        this.events = events;
        this.nPlusOneThreshold = nPlusOneThreshold;
        this.omittedEarlier = omittedEarlier;
    }

    public static QueryLog empty() {
        return EMPTY;
    }

    /** A log of {@code events} (in the given order) with the default N+1 threshold. */
    public static QueryLog of(Collection<? extends QueryEvent> events) {
        return of(events, DEFAULT_N_PLUS_ONE_THRESHOLD);
    }

    /**
     * A log of {@code events} whose N+1 findings need {@code nPlusOneThreshold} executions (at least 2).
     *
     * @throws IllegalArgumentException when the threshold is below 2
     */
    public static QueryLog of(Collection<? extends QueryEvent> events, int nPlusOneThreshold) {
        return of(events, nPlusOneThreshold, 0);
    }

    /**
     * A log of the recent part of a longer history: {@code omittedEarlier} events came before {@code events} and
     * are no longer kept (reports say so).
     *
     * @throws IllegalArgumentException when the threshold is below 2 or the omitted count negative
     */
    public static QueryLog of(Collection<? extends QueryEvent> events, int nPlusOneThreshold, long omittedEarlier) {
        if (nPlusOneThreshold < 2) {
            throw new IllegalArgumentException("nPlusOneThreshold must be at least 2, was " + nPlusOneThreshold);
        }
        if (omittedEarlier < 0) {
            throw new IllegalArgumentException("omittedEarlier must be 0 or more, was " + omittedEarlier);
        }
        return new QueryLog(List.copyOf(events), nPlusOneThreshold, omittedEarlier);
    }

    /** Events recorded before these that the logger's history no longer holds (0 for a scope's log). */
    public long omittedEarlier() {
        return omittedEarlier;
    }

    public List<QueryEvent> events() {
        return events;
    }

    public int size() {
        return events.size();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public int nPlusOneThreshold() {
        return nPlusOneThreshold;
    }

    /**
     * Statements of {@code type} executed (a batch counts once; each statement of a string of several separated by
     * semicolons counts).
     */
    public long count(StatementType type) {
        Objects.requireNonNull(type, "type");
        return events.stream().mapToLong(e -> e.statementTypes().stream().filter(t -> t == type).count()).sum();
    }

    public long selectCount() {
        return count(StatementType.SELECT);
    }

    public long insertCount() {
        return count(StatementType.INSERT);
    }

    public long updateCount() {
        return count(StatementType.UPDATE);
    }

    public long deleteCount() {
        return count(StatementType.DELETE);
    }

    /**
     * Executions naming {@code table}, case-insensitively; an unqualified name also matches qualified ones
     * ({@code users} matches {@code public.users}).
     */
    public long countForTable(String table) {
        Objects.requireNonNull(table, "table");
        return events.stream().filter(e -> namesTable(e, table)).count();
    }

    /** Executions of {@code type} naming {@code table} (see {@link #countForTable(String)}). */
    public long countForTable(StatementType type, String table) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(table, "table");
        return events.stream().filter(e -> e.statementTypes().contains(type) && namesTable(e, table)).count();
    }

    /** Whether {@code event} names {@code table} (see {@link #countForTable(String)}). */
    public static boolean namesTable(QueryEvent event, String table) {
        String wanted = table.toLowerCase(Locale.ROOT);
        for (String name : event.tables()) {
            String candidate = name.toLowerCase(Locale.ROOT);
            if (candidate.equals(wanted) || candidate.endsWith("." + wanted)) {
                return true;
            }
        }
        return false;
    }

    public List<QueryEvent> slowQueries() {
        return filtered(QueryEvent::slow);
    }

    public List<QueryEvent> failures() {
        return filtered(e -> !e.succeeded());
    }

    /** N+1 findings: see {@link NPlusOneFinding}; most executions first. */
    public List<NPlusOneFinding> nPlusOneFindings() {
        List<NPlusOneFinding> found = nPlusOne;
        if (found == null) {
            found = NPlusOneDetector.find(events, nPlusOneThreshold);
            nPlusOne = found;
        }
        return found;
    }

    public QueryStats stats() {
        QueryStats computed = stats;
        if (computed == null) {
            computed = StatsCalculator.compute(events);
            stats = computed;
        }
        return computed;
    }

    /** {@link QueryStats#toTable()} of this log. */
    public String summary() {
        return stats().toTable();
    }

    /** The events matching {@code filter}, as a log with the same N+1 threshold. */
    public QueryLog filter(Predicate<? super QueryEvent> filter) {
        return new QueryLog(filtered(filter), nPlusOneThreshold, omittedEarlier);
    }

    private List<QueryEvent> filtered(Predicate<? super QueryEvent> filter) {
        return events.stream().filter(filter).map(QueryEvent.class::cast).toList();
    }

    @Override
    public String toString() {
        return "QueryLog[" + events.size() + " events]";
    }
}

package dev.pgtestkit.querylog;

import dev.pgtestkit.querylog.internal.LoggerConfig;
import dev.pgtestkit.querylog.internal.Recorder;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every statement executed through the DataSources and connections it wraps: SQL, normalized form, type,
 * tables, parameters (secrets redacted), duration, rows, call site, outcome; flags slow statements (with their plan)
 * and statements still running past the threshold; finds N+1 patterns per scope. Works on any DataSource.
 *
 * <pre>{@code
 * QueryLogger logger = QueryLogger.builder().slowThreshold(Duration.ofMillis(50)).build();
 * DataSource logged = logger.wrap(dataSource);
 * try (QueryScope scope = logger.startScope("load orders")) {
 *     orders.loadAll(logged);
 *     QueryLogAssert.assertThat(scope.log()).hasSelectCount(1).hasNoNPlusOne();
 * }
 * logger.printSummary();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops its background scan; wrapped connections keep working.
 */
public final class QueryLogger implements AutoCloseable {

    /**
     * A statement whose SQL starts with this comment is pgtestkit's own (the schema registry's catalog queries, for
     * one, when {@code Rows} or the generator load it through a logged DataSource): it runs, but is not recorded
     * among the application's statements, counts, assertions and reports.
     */
    public static final String INTERNAL_MARKER = "/* pgtestkit:internal */";

    private static final Logger LOG = LoggerFactory.getLogger(QueryLogger.class);

    private final Recorder recorder;

    private QueryLogger(LoggerConfig config) {
        this.recorder = new Recorder(config);
    }

    /** A logger with the defaults (see {@link Builder}). */
    public static QueryLogger create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A DataSource whose connections are logged by this logger. Plans of slow statements are captured on other
     * connections of {@code dataSource}. Returns {@code dataSource} itself when this logger already wraps it.
     *
     * @throws IllegalArgumentException when another QueryLogger already wraps it
     */
    public DataSource wrap(DataSource dataSource) {
        return recorder.wrap(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * A logged view of {@code connection} (e.g. one pinned by a test transaction). Plans are captured on
     * {@link Builder#planDataSource(DataSource)}, when set. Returns it unchanged when this logger already wraps it.
     *
     * @throws IllegalArgumentException when another QueryLogger already wraps it
     */
    public Connection wrap(Connection connection) {
        return recorder.wrap(Objects.requireNonNull(connection, "connection"), null);
    }

    /** Starts recording the events of all threads into a new scope; close it when done. */
    public QueryScope startScope(String name) {
        return recorder.openScope(Objects.requireNonNull(name, "name"), null);
    }

    /** Starts recording only the current thread's events (for tests running in parallel). */
    public QueryScope startThreadScope(String name) {
        return recorder.openScope(Objects.requireNonNull(name, "name"), Thread.currentThread());
    }

    /**
     * Runs {@code work} in a thread scope and returns what it measured: the seed's {@code @time_query} for one
     * method call. Exceptions of {@code work} pass through unchanged.
     */
    public <T, X extends Exception> Measured<T> measure(String name, QueryWork<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        long start = System.nanoTime();
        try (QueryScope scope = startThreadScope(name)) {
            T value = work.run();
            return new Measured<>(name, value, scope.log(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Runs {@code work}, logs one line (statements, database time, wall time, N+1 findings) at INFO, WARN when
     * it found N+1 or slow statements, and returns its result.
     */
    public <T, X extends Exception> T timeQuery(String name, QueryWork<T, X> work) throws X {
        Measured<T> measured = measure(name, work);
        if (measured.log().nPlusOneFindings().isEmpty() && measured.log().slowQueries().isEmpty()) {
            LOG.info("{}", measured.describe());
        } else {
            LOG.warn("{}", measured.describe());
        }
        return measured.value();
    }

    /** {@link #timeQuery(String, QueryWork)} for work without a result. */
    public <X extends Exception> void timeQuery(String name, VoidQueryWork<X> work) throws X {
        timeQuery(name, () -> {
            work.run();
            return null;
        });
    }

    /** The recent events (up to {@link Builder#historySize(int)}, 2,000 by default) since {@link #reset()}. */
    public QueryLog log() {
        return recorder.history();
    }

    /** Statistics of {@link #log()}: the seed's {@code get_stats()}. */
    public QueryStats stats() {
        return log().stats();
    }

    /** The summary table of {@link #log()}, noting events the history no longer holds. */
    public String summary() {
        long dropped = recorder.droppedEvents();
        String note = dropped == 0 ? "" : String.format(Locale.ROOT,
                "(%d older events are not in the history of %d; raise historySize to keep them)%n",
                dropped, recorder.config().historySize());
        return note + log().summary();
    }

    /** Prints {@link #summary()} to standard output: the seed's {@code print_summary()}. */
    public void printSummary() {
        printSummary(System.out);
    }

    public void printSummary(PrintStream out) {
        out.print(summary());
        out.flush();
    }

    /** Logs {@link #summary()} at INFO. */
    public void logSummary() {
        LOG.info("Query summary:\n{}", summary());
    }

    /** Forgets the history (open scopes keep their events). */
    public void reset() {
        recorder.resetHistory();
    }

    public List<QueryListener> listeners() {
        return recorder.listeners();
    }

    public Duration slowThreshold() {
        return recorder.config().slowThreshold();
    }

    /** Stops the in-flight scan. Idempotent; wrapped connections keep recording. */
    @Override
    public void close() {
        recorder.close();
    }

    /** Work measured by {@link #measure(String, QueryWork)}. */
    @FunctionalInterface
    public interface QueryWork<T, X extends Exception> {
        T run() throws X;
    }

    /** Work without a result, for {@link #timeQuery(String, VoidQueryWork)}. */
    @FunctionalInterface
    public interface VoidQueryWork<X extends Exception> {
        void run() throws X;
    }

    /**
     * Settings of a {@link QueryLogger}; every method returns this builder, {@link #build()} validates.
     * Defaults: slow threshold 50 ms, plans of slow statements captured, an {@link Slf4jQueryListener}, parameters
     * captured with {@link RedactionRules#defaults()} (the first 10 sets of a batch), N+1 at
     * {@value QueryLog#DEFAULT_N_PLUS_ONE_THRESHOLD}
     * executions, {@link CallSiteCapture#SAMPLED}, a history of 2,000 events, JSqlParser on.
     */
    public static final class Builder {
        private Duration slowThreshold = Duration.ofMillis(50);
        private boolean explainSlowQueries = true;
        private DataSource planDataSource;
        private final List<QueryListener> listeners = new ArrayList<>();
        private boolean slf4j = true;
        private boolean captureParameters = true;
        private RedactionRules redaction = RedactionRules.defaults();
        private int nPlusOneThreshold = QueryLog.DEFAULT_N_PLUS_ONE_THRESHOLD;
        private CallSiteCapture callSites = CallSiteCapture.SAMPLED;
        private final List<String> callSiteExclusions = new ArrayList<>();
        private int historySize = 2_000;
        private boolean parseWithJSqlParser = true;
        private int statementCacheSize = 10_000;
        private int batchParameterSets = 10;
        private java.util.function.Function<String, String> schemaResolver;

        private Builder() {
        }

        /** Executions at least this long are slow (default 50 ms); null turns slow-query detection off. */
        public Builder slowThreshold(Duration threshold) {
            this.slowThreshold = threshold;
            return this;
        }

        /** Capture the plan of slow statements with EXPLAIN on a separate connection (default true). */
        public Builder explainSlowQueries(boolean explain) {
            this.explainSlowQueries = explain;
            return this;
        }

        /**
         * Where plans of slow statements are captured, in a read-only transaction of their own. Default: the
         * wrapped DataSource, and none for {@link QueryLogger#wrap(Connection)}. Set it when the wrapped DataSource
         * hands out views of one shared connection (a test transaction), so that EXPLAIN runs in a session of its own.
         */
        public Builder planDataSource(DataSource dataSource) {
            this.planDataSource = dataSource;
            return this;
        }

        /** Adds a listener (called in the order added). */
        public Builder listener(QueryListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Log through SLF4J with an {@link Slf4jQueryListener} (default true). */
        public Builder logToSlf4j(boolean log) {
            this.slf4j = log;
            return this;
        }

        /** Keep bound values on events (default true); secret ones are redacted either way. */
        public Builder captureParameters(boolean capture) {
            this.captureParameters = capture;
            return this;
        }

        /** Which columns are secret (default {@link RedactionRules#defaults()}). */
        public Builder redaction(RedactionRules rules) {
            this.redaction = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * What the catalog knows of schema qualification (default: nothing): {@code schemaOfTable} answers the
         * schema an unqualified table name resolves to under the search path ({@code "public"} for {@code users}),
         * or null when it does not know the table. With it, a qualifier the server would resolve to anyway is left
         * out of the normal form, so {@code public.users} and {@code users} group together as in
         * {@code pg_stat_statements}. The JUnit extension sets it from the schema registry. Called once per
         * distinct SQL string; loggers given the same function share their analyzed SQL.
         */
        public Builder schemaResolver(java.util.function.Function<String, String> schemaOfTable) {
            this.schemaResolver = schemaOfTable;
            return this;
        }

        /** Executions of one SELECT from one call site that make an N+1 finding (default 5, at least 2). */
        public Builder nPlusOneThreshold(int executions) {
            this.nPlusOneThreshold = executions;
            return this;
        }

        /** When to walk the stack for call sites (default {@link CallSiteCapture#SAMPLED}). */
        public Builder callSites(CallSiteCapture capture) {
            this.callSites = Objects.requireNonNull(capture, "capture");
            return this;
        }

        /** More class-name prefixes that are never the application's call site (e.g. your own DAO base). */
        public Builder excludeFromCallSites(String... classNamePrefixes) {
            callSiteExclusions.addAll(List.of(classNamePrefixes));
            return this;
        }

        /**
         * Recent events kept by the logger for {@link QueryLogger#log()} (default 2,000; 0 keeps none). Scopes and
         * listeners see every event regardless; a long history costs memory and GC time.
         */
        public Builder historySize(int events) {
            this.historySize = events;
            return this;
        }

        /** Refine statement types and tables with JSqlParser in the background (default true). */
        public Builder parseWithJSqlParser(boolean parse) {
            this.parseWithJSqlParser = parse;
            return this;
        }

        /**
         * Parameter sets kept per batch execution: the first ones (default 10, 0 keeps none). The batch size is
         * always exact; this bounds the memory a history of large batches holds (retained events cost GC time).
         */
        public Builder batchParameterSets(int sets) {
            this.batchParameterSets = sets;
            return this;
        }

        /** Distinct SQL strings analyzed once and remembered (default 10,000). */
        public Builder statementCacheSize(int size) {
            this.statementCacheSize = size;
            return this;
        }

        /**
         * The logger with these settings.
         *
         * @throws IllegalArgumentException when a setting is out of range
         */
        public QueryLogger build() {
            dev.pgtestkit.querylog.internal.SilentLogging.noticeOnce();
            require(slowThreshold == null || (!slowThreshold.isNegative() && !slowThreshold.isZero()),
                    "slowThreshold must be positive (or null to turn slow-query detection off), was " + slowThreshold);
            require(nPlusOneThreshold >= 2, "nPlusOneThreshold must be at least 2, was " + nPlusOneThreshold);
            require(historySize >= 0, "historySize must be 0 or more, was " + historySize);
            require(statementCacheSize >= 1, "statementCacheSize must be at least 1, was " + statementCacheSize);
            require(batchParameterSets >= 0, "batchParameterSets must be 0 or more, was " + batchParameterSets);
            List<QueryListener> all = new ArrayList<>();
            if (slf4j) {
                all.add(Slf4jQueryListener.create());
            }
            all.addAll(listeners);
            return new QueryLogger(new LoggerConfig(slowThreshold, explainSlowQueries, planDataSource, all,
                    captureParameters, redaction, nPlusOneThreshold, callSites, callSiteExclusions, historySize,
                    parseWithJSqlParser, statementCacheSize, batchParameterSets, schemaResolver));
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}

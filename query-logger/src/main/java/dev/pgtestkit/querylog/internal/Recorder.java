package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.QueryListener;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryPlan;
import dev.pgtestkit.querylog.QueryScope;
import dev.pgtestkit.querylog.RunningStatement;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind a {@code QueryLogger}: wraps connections, analyzes SQL once per string, completes events
 * (call site, slow flag), publishes them to the open scopes, the history and the listeners, and runs the in-flight
 * scan and plan capture. Thread-safe.
 */
public final class Recorder implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("dev.pgtestkit.querylog");
    private static final ScopeImpl[] NO_SCOPES = new ScopeImpl[0];
    /** A slow statement's listeners hear of it without its plan if capture takes longer than this. */
    private static final long PLAN_WAIT_SECONDS = 30;

    private final LoggerConfig config;
    /** The configured plan DataSource, beneath any logging wrapper (EXPLAINs are not logged). */
    private final DataSource planDataSource;
    private final long slowNanos;
    private final SqlInfoCache sqlCache;
    private final CallSites callSites;
    private final EventHistory history;
    private final QueryListener[] listeners;
    private final Set<LoggingConnection> openConnections = ConcurrentHashMap.newKeySet();
    private final InFlightScanner.Registration scan;
    private final long epochNanosAtStart = System.currentTimeMillis() * 1_000_000L;
    private final long nanoTimeAtStart = System.nanoTime();
    private volatile ScopeImpl[] scopes = NO_SCOPES;

    public Recorder(LoggerConfig config) {
        this.config = config;
        this.planDataSource = Wrappers.unwrapped(config.planDataSource());
        this.slowNanos = config.slowThreshold() == null ? Long.MAX_VALUE : config.slowThreshold().toNanos();
        this.sqlCache = SqlInfoCache.forLogger(config.statementCacheSize(), config.redaction(), config.schemaOf(),
                config.parseWithJSqlParser() ? SqlParserService.SHARED : null);
        this.callSites = new CallSites(config.callSites(), config.callSiteExclusions());
        this.history = new EventHistory(config.historySize());
        this.listeners = config.listeners().toArray(new QueryListener[0]);
        this.scan = config.slowThreshold() == null ? null : InFlightScanner.register(this, config.slowThreshold());
    }

    public LoggerConfig config() {
        return config;
    }

    /** Wraps {@code dataSource}; returns it unchanged when this recorder already wraps it. */
    public DataSource wrap(DataSource dataSource) {
        if (dataSource instanceof LoggingDataSource logging) {
            return ownedOrFail(logging.recorder(), logging);
        }
        Recorder existing = Wrappers.recorderBehind(dataSource, LoggingDataSource.class, LoggingDataSource::recorder);
        return existing == null ? new LoggingDataSource(this, dataSource) : ownedOrFail(existing, dataSource);
    }

    /**
     * Wraps {@code connection}; plans are captured on the configured plan DataSource, or else on {@code planSource}
     * (the DataSource the connection came from; null for a wrapped connection).
     * Returns it unchanged when this recorder already wraps it.
     */
    public Connection wrap(Connection connection, DataSource planSource) {
        if (connection instanceof LoggingConnection logging) {
            return ownedOrFail(logging.recorder, logging);
        }
        Recorder existing = Wrappers.recorderBehind(connection, LoggingConnection.class, c -> c.recorder);
        if (existing != null) {
            return ownedOrFail(existing, connection);
        }
        DataSource source = planDataSource != null ? planDataSource : planSource;
        LoggingConnection wrapped = new LoggingConnection(this, connection, source);
        if (scan != null) {
            openConnections.add(wrapped);
        }
        return wrapped;
    }

    private <T> T ownedOrFail(Recorder owner, T wrapped) {
        if (owner != this) {
            throw new IllegalArgumentException("This DataSource/Connection is already logged by another QueryLogger;"
                    + " wrapping it again would record every statement twice. Wrap the original DataSource, or share"
                    + " one QueryLogger.");
        }
        return wrapped;
    }

    void connectionClosed(LoggingConnection connection) {
        openConnections.remove(connection);
    }

    SqlInfo sql(String sql, boolean jdbc) {
        return sqlCache.get(sql, jdbc, config.redaction(), config.schemaOf());
    }

    SqlInfoCache sqlCache() {
        return sqlCache;
    }

    /** Call site and slow flag of an execution that just returned (or failed). */
    void completed(RecordedEvent event) {
        callSites.capture(event, event.info, scopes.length > 0);
        event.slow = event.durationNanos >= slowNanos;
    }

    /** Makes a completed event visible: history, scopes, then listeners (after plan capture when slow). */
    void publish(RecordedEvent event, LoggingConnection connection) {
        connection.observe(event);
        if (event.info.internal) {
            return; // pgtestkit's own statement (the schema registry's catalog queries...): not the application's
        }
        history.append(event);
        ScopeImpl[] open = scopes;
        Thread current = Thread.currentThread();
        for (ScopeImpl scope : open) {
            scope.offer(event, current);
        }
        if (event.slow && config.explainSlowQueries()) {
            CompletableFuture<QueryPlan> plan = event.plan;
            if (plan == null) {
                plan = PlanCapturer.SHARED.planFor(event, connection, true);
                event.plan = plan;
            }
            CompletableFuture<QueryPlan> unused = plan.completeOnTimeout(
                    QueryPlan.unavailable("EXPLAIN took longer than " + PLAN_WAIT_SECONDS + " s"), PLAN_WAIT_SECONDS,
                    TimeUnit.SECONDS).whenComplete((p, t) -> dispatch(event));
        } else {
            dispatch(event);
        }
    }

    private void dispatch(RecordedEvent event) {
        for (QueryListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Query listener {} failed on event {}; ignored", listener, event.id(), e);
            }
        }
    }

    /** Reports statements running past the threshold (scanner thread). */
    void scanRunning() {
        long now = System.nanoTime();
        for (LoggingConnection connection : openConnections) {
            RecordedEvent event = connection.running;
            if (event != null && !event.reportedWhileRunning && now - event.startNanos >= slowNanos) {
                event.reportedWhileRunning = true;
                RunningStatement running = new RunningStatement(event.info.displaySql, event.info.normalized,
                        toInstant(event.startNanos), Duration.ofNanos(now - event.startNanos), event.threadName);
                for (QueryListener listener : listeners) {
                    stillRunning(listener, running);
                }
                if (config.explainSlowQueries() && !connection.explainsOnItself()) {
                    event.plan = PlanCapturer.SHARED.planFor(event, connection, false);
                }
            }
        }
    }

    private static void stillRunning(QueryListener listener, RunningStatement running) {
        try {
            listener.onStillRunning(running);
        } catch (RuntimeException e) {
            LOG.warn("Query listener {} failed on a running statement; ignored", listener, e);
        }
    }

    /** Opens a scope; {@code owner} null records all threads. */
    public QueryScope openScope(String name, Thread owner) {
        ScopeImpl scope = new ScopeImpl(this, name, owner);
        synchronized (this) {
            ScopeImpl[] grown = Arrays.copyOf(scopes, scopes.length + 1);
            grown[grown.length - 1] = scope;
            scopes = grown;
        }
        return scope;
    }

    void scopeClosed(ScopeImpl scope) {
        synchronized (this) {
            scopes = Arrays.stream(scopes).filter(s -> s != scope).toArray(ScopeImpl[]::new);
        }
        QueryLog log = scope.log();
        for (QueryListener listener : listeners) {
            try {
                listener.onScopeClosed(scope.name(), log);
            } catch (RuntimeException e) {
                LOG.warn("Query listener {} failed when scope '{}' closed; ignored", listener, scope.name(), e);
            }
        }
    }

    /** The recent events since the last reset. */
    public QueryLog history() {
        return history.log(config.nPlusOneThreshold());
    }

    /** Events since the last reset that the history no longer holds. */
    public long droppedEvents() {
        return history.dropped();
    }

    public void resetHistory() {
        history.reset();
    }

    public List<QueryListener> listeners() {
        return List.of(listeners);
    }

    Instant toInstant(long nanoTime) {
        long epochNanos = epochNanosAtStart + (nanoTime - nanoTimeAtStart);
        return Instant.ofEpochSecond(0, epochNanos);
    }

    /** Stops the in-flight scan; wrapped connections keep working and recording. */
    @Override
    public void close() {
        if (scan != null) {
            scan.cancel();
        }
        openConnections.clear();
    }
}

package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.QueryPlan;
import dev.pgtestkit.querylog.QueryPlan.Mode;
import dev.pgtestkit.querylog.StatementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Captures plans of slow statements with {@code EXPLAIN (FORMAT JSON)} on a separate connection, on one
 * background thread shared by the JVM (a bounded queue; when full, the plan is reported unavailable rather than
 * making anyone wait). The EXPLAIN runs in a read-only transaction with a statement time-out and is rolled back;
 * never {@code ANALYZE}. On PostgreSQL 16+ it asks for a {@code GENERIC_PLAN} (the statement in the server's
 * syntax with {@code $n} placeholders and no values, see {@link #genericPlan}); before 16, or when the server
 * cannot make a generic plan, the captured values are bound as parameters of the EXPLAIN. Secret values are
 * scrubbed from the plan ({@link PlanRedaction}). One plan per SQL string is kept and reused. A statement on a table
 * only its session sees is explained on that session instead ({@link SessionPlan}), when the logger knows or has
 * found out that the session has such tables.
 */
final class PlanCapturer {

    static final PlanCapturer SHARED = new PlanCapturer();

    private static final int QUEUE_CAPACITY = 64;
    private static final String STATEMENT_TIMEOUT = "5000";
    private static final String GENERIC_EXPLAIN = "DO $pgtestkit$ DECLARE plan text; BEGIN"
            + " EXECUTE 'EXPLAIN (GENERIC_PLAN, FORMAT JSON) ' || current_setting('pgtestkit.explain_sql') INTO plan;"
            + " RAISE NOTICE '%', plan; END $pgtestkit$";
    private static final Set<StatementType> EXPLAINABLE = EnumSet.of(StatementType.SELECT, StatementType.INSERT,
            StatementType.UPDATE, StatementType.DELETE, StatementType.MERGE);

    /** SQLState of "relation does not exist". */
    private static final String UNDEFINED_TABLE = "42P01";

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY), DaemonThreads.named("pgtestkit-querylog-explain"));

    private PlanCapturer() {
    }

    /**
     * The plan of the event's statement: cached, captured in the background on a connection of its own, or, when
     * {@code onSession} (the application's thread, right after the statement) and the session may use tables no
     * other connection sees, captured on the session now ({@link SessionPlan}). Never completes exceptionally.
     */
    CompletableFuture<QueryPlan> planFor(RecordedEvent event, LoggingConnection connection, boolean onSession) {
        SqlInfo info = event.info;
        CompletableFuture<QueryPlan> cached = info.plan;
        boolean session = onSession && connection.explainsOnItself() && EXPLAINABLE.contains(info.lexerType)
                && !info.multiStatement;
        if (cached != null && !(session && info.tableInvisibleElsewhere && unavailable(cached))) {
            return cached;
        }
        if (session) {
            QueryPlan plan = SessionPlan.explain(info, connection.session());
            CompletableFuture<QueryPlan> done = CompletableFuture.completedFuture(
                    PlanRedaction.redact(plan, PlanRedaction.secrets(info, event.boundValues())));
            info.plan = done;
            return done;
        }
        CompletableFuture<QueryPlan> future = new CompletableFuture<>();
        DataSource source = connection.planSource;
        String reason = whyNoPlan(event, source);
        if (reason != null) {
            future.complete(QueryPlan.unavailable(reason));
        } else {
            Object[] values = event.boundValues();
            try {
                List<String> secrets = PlanRedaction.secrets(info, values);
                executor.execute(() -> future.complete(
                        PlanRedaction.redact(explainElsewhere(info, values, source, connection), secrets)));
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(QueryPlan.unavailable(
                        "not captured: more than " + QUEUE_CAPACITY + " plans waiting"));
            }
        }
        info.plan = future;
        return future;
    }

    private static boolean unavailable(CompletableFuture<QueryPlan> plan) {
        return plan.isDone() && !plan.join().isAvailable();
    }

    /** On a connection of its own; a table it does not see marks the session for session plans from now on. */
    private static QueryPlan explainElsewhere(SqlInfo info, Object[] values, DataSource source,
            LoggingConnection connection) {
        try {
            return explain(info, values, source);
        } catch (InvisibleTableException e) {
            info.tableInvisibleElsewhere = true;
            connection.privateTablesFound = true;
            return QueryPlan.unavailable("no plan: EXPLAIN ran on a connection of its own, which does not see the"
                    + " statement's table (a temporary table, or one created or renamed in a transaction not yet"
                    + " committed): " + e.getMessage() + ". The logger had not seen this session create such a table"
                    + " (a function, a tool beneath the logger or an earlier user of a pooled connection did), so it"
                    + " did not explain it on the session; later slow statements on this connection are");
        }
    }

    /** The separate connection does not see the statement's table. */
    private static final class InvisibleTableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvisibleTableException(String message) {
            super(message, null, false, false);
        }
    }

    private static String whyNoPlan(RecordedEvent event, DataSource source) {
        SqlInfo info = event.info;
        if (!EXPLAINABLE.contains(info.lexerType)) {
            return "EXPLAIN does not apply to " + info.lexerType + " statements";
        }
        if (info.multiStatement) {
            return "not captured for a string of several statements";
        }
        if (source == null) {
            return "no DataSource to run EXPLAIN on: wrap a DataSource, or set"
                    + " QueryLogger.builder().planDataSource(...)";
        }
        return null;
    }

    private static QueryPlan explain(SqlInfo info, Object[] values, DataSource source) {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                prepareReadOnly(connection);
                return explainIn(connection, info, values);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new InvisibleTableException(firstLine(e.getMessage()));
            }
            return QueryPlan.unavailable("EXPLAIN failed: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            return QueryPlan.unavailable("EXPLAIN failed: " + firstLine(e.getMessage()));
        }
    }

    private static void prepareReadOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION READ ONLY");
        }
        try (PreparedStatement timeout =
                connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
            timeout.setString(1, STATEMENT_TIMEOUT);
            timeout.execute();
        }
    }

    private static QueryPlan explainIn(Connection connection, SqlInfo info, Object[] values) throws SQLException {
        String serverSql = info.jdbc ? SqlText.toServerSyntax(info.sql) : info.sql;
        if (info.placeholders == 0) {
            try (Statement statement = connection.createStatement()) {
                return read(statement.executeQuery("EXPLAIN (FORMAT JSON) " + serverSql), Mode.NO_PARAMETERS);
            }
        }
        String genericFailure = null;
        if (connection.getMetaData().getDatabaseMajorVersion() >= 16) {
            Savepoint before = connection.setSavepoint();
            try {
                return genericPlan(connection, serverSql);
            } catch (SQLException e) {
                connection.rollback(before);
                genericFailure = firstLine(e.getMessage());
            }
        }
        if (!bindable(values, info.placeholders)) {
            return QueryPlan.unavailable(genericFailure != null ? "EXPLAIN (GENERIC_PLAN) failed: " + genericFailure
                    : "parameter values were not captured and the server has no GENERIC_PLAN (PostgreSQL 16+)");
        }
        return explainBound(connection, "EXPLAIN (FORMAT JSON) " + info.sql, values, info.placeholders,
                Mode.BOUND_VALUES);
    }

    /**
     * {@code EXPLAIN (GENERIC_PLAN)} through PL/pgSQL: sent directly over the extended protocol (all PgJDBC uses) the
     * {@code $n} would count as parameters of the EXPLAIN itself and need values; parsed by the server's SPI they are
     * left to the generic plan, as psql would. The statement travels as a bound setting, the plan as a NOTICE.
     */
    private static QueryPlan genericPlan(Connection connection, String serverSql) throws SQLException {
        try (PreparedStatement settings = connection.prepareStatement("SELECT set_config('pgtestkit.explain_sql', ?,"
                + " true), set_config('client_min_messages', 'notice', true)")) {
            settings.setString(1, serverSql);
            settings.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(GENERIC_EXPLAIN);
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                String json = w.getMessage();
                if (json != null && json.startsWith("[")) {
                    return new QueryPlan(json, Mode.GENERIC, PlanText.summary(json));
                }
            }
        }
        throw new SQLException("EXPLAIN (GENERIC_PLAN) returned no plan");
    }

    /** Binds {@code values} as parameters of the EXPLAIN: nothing is pasted into the SQL. */
    private static QueryPlan explainBound(Connection connection, String sql, Object[] values, int count, Mode mode)
            throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                explain.setObject(i + 1, values[i]);
            }
            return read(explain.executeQuery(), mode);
        }
    }

    private static boolean bindable(Object[] values, int count) {
        if (values.length < count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (values[i] instanceof ParameterBuffer.Opaque || values[i] instanceof ParameterBuffer.NamedValue) {
                return false;
            }
        }
        return true;
    }

    private static QueryPlan read(ResultSet result, Mode mode) throws SQLException {
        try (result) {
            if (!result.next()) {
                return QueryPlan.unavailable("EXPLAIN returned no rows");
            }
            String json = result.getString(1);
            return new QueryPlan(json, mode, PlanText.summary(json));
        }
    }

    static String firstLine(String message) {
        return message == null ? "(no message)" : message.lines().findFirst().orElse("").trim();
    }
}

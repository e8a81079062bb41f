package dev.pgtestkit.core.rows.internal;

import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.rows.SqlErrors;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Where statements run: a fresh handle from Jdbi per call, or the one handle of a transaction. Nested
 * transactions on a pinned handle are savepoints. Jdbi and JDBC failures come out translated by
 * {@link SqlErrors}. A session without a pinned handle is thread-safe; a transaction's is not.
 */
public final class Session {

    /** Work done with a handle; may throw SQLException, which is translated. */
    @FunctionalInterface
    public interface HandleWork<T> {
        T apply(Handle handle) throws SQLException;
    }

    private static final RowReader ROW_READER = new RowReader();

    private final Jdbi jdbi;
    private final Handle pinned;
    private final AtomicInteger savepointDepth;

    public Session(Jdbi jdbi) {
        this(jdbi, null);
    }

    private Session(Jdbi jdbi, Handle pinned) {
        this.jdbi = jdbi;
        this.pinned = pinned;
        this.savepointDepth = new AtomicInteger();
    }

    public boolean inTransaction() {
        return pinned != null;
    }

    /** Runs {@code work} with a handle: the transaction's, or a new one closed afterwards. */
    public <T> T call(HandleWork<T> work) {
        try {
            if (pinned != null) {
                return work.apply(pinned);
            }
            try (Handle handle = open()) {
                return work.apply(handle);
            }
        } catch (JdbiException e) {
            throw translate(e);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. Inside a
     * transaction it runs in a savepoint instead, so only its own changes are undone.
     */
    public <T> T transaction(Function<Session, T> work) {
        return pinned == null ? outermost(work) : nested(work);
    }

    private <T> T outermost(Function<Session, T> work) {
        Session transaction = new Session(jdbi, guarded(this::open));
        try (Handle handle = transaction.pinned) {
            guarded(handle::begin);
            T result;
            try {
                result = work.apply(transaction);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(handle, e);
                throw e;
            }
            guarded(handle::commit);
            return result;
        }
    }

    private static <T> T guarded(Supplier<T> jdbiCall) {
        try {
            return jdbiCall.get();
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    private <T> T nested(Function<Session, T> work) {
        String savepoint = "pgtestkit_savepoint_" + savepointDepth.incrementAndGet();
        try {
            guarded(() -> pinned.savepoint(savepoint));
            T result;
            try {
                result = work.apply(this);
            } catch (RuntimeException | Error e) {
                guarded(() -> pinned.rollbackToSavepoint(savepoint));
                throw e;
            }
            guarded(() -> pinned.releaseSavepoint(savepoint));
            return result;
        } finally {
            savepointDepth.decrementAndGet();
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private Handle open() {
        Handle handle = jdbi.open();
        // SQL is passed through untouched: no <attribute> templating of user SQL.
        handle.configure(SqlStatements.class, s -> s.setTemplateEngine(TemplateEngine.NOP));
        return handle;
    }

    /** Rows returned by generated {@code sql} (positional parameters only). */
    public static List<Map<String, Object>> query(Handle handle, String sql, List<Object> params) {
        return bind(generated(handle.createQuery(sql)), params).map(ROW_READER).list();
    }

    /** Update count of generated {@code sql} (positional parameters only). */
    public static int update(Handle handle, String sql, List<Object> params) {
        return bind(generated(handle.createUpdate(sql)), params).execute();
    }

    /** Rows returned by a caller's {@code sql}, parsed by Jdbi as usual. */
    static List<Map<String, Object>> rawQuery(Handle handle, String sql, List<Object> params) {
        return bind(handle.createQuery(sql), params).map(ROW_READER).list();
    }

    /** Update count of a caller's {@code sql}, parsed by Jdbi as usual. */
    static int rawUpdate(Handle handle, String sql, List<Object> params) {
        return bind(handle.createUpdate(sql), params).execute();
    }

    private static <S extends SqlStatement<S>> S generated(S statement) {
        return statement.configure(SqlStatements.class, s -> s.setSqlParser(PositionalSqlParser.INSTANCE));
    }

    private static <S extends SqlStatement<S>> S bind(S statement, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            statement.bind(i, (Argument) (position, ps, ctx) -> {
                if (value == null) {
                    ps.setNull(position, Types.OTHER);
                } else {
                    ps.setObject(position, value);
                }
            });
        }
        return statement;
    }

    static PgTestkitException translate(JdbiException e) {
        String sql = e instanceof StatementException s && s.getStatementContext() != null
                ? s.getStatementContext().getRenderedSql() : null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlException) {
                return SqlErrors.translate(sqlException, sql);
            }
        }
        return new PgTestkitException("Database call failed: " + e.getMessage(), e);
    }
}

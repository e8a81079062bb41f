package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.QueryPlan;
import dev.pgtestkit.querylog.QueryPlan.Mode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Collections;

/**
 * The plan of a statement on a table only its own session sees (a temporary table, or one created in a transaction
 * not yet committed), captured on that session by the application's thread right after the statement.
 *
 * <p>It is one {@code DO} statement, so no other thread's statement on the same connection can run in between, and
 * everything it does happens in a PL/pgSQL exception block, a subtransaction that it always rolls back: inside the
 * application's transaction it is a savepoint rolled back, outside it a transaction of its own. The statement is
 * {@code PREPARE}d and explained with {@code plan_cache_mode = force_generic_plan} and null arguments, a generic
 * plan with {@code $n} on every PostgreSQL version CI has (no values are needed or sent); the prepared statement is
 * deallocated and the settings revert with the subtransaction. The plan (or the error) comes back as a NOTICE from
 * a second rolled-back block that raises {@code client_min_messages} for that moment only. Never {@code ANALYZE}.
 */
final class SessionPlan {

    private static final String ERROR_PREFIX = "pgtestkit-error:";
    private static final String ROLLBACK_STATE = "PGTKR";

    private SessionPlan() {
    }

    /** Explains {@code info}'s statement on {@code session}, the raw connection beneath the logger. */
    static QueryPlan explain(SqlInfo info, Connection session) {
        String serverSql = info.jdbc ? SqlText.toServerSyntax(info.sql) : info.sql;
        try (Statement statement = session.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.execute(doBlock(serverSql, info.placeholders));
            return read(statement.getWarnings());
        } catch (SQLException | RuntimeException e) {
            return QueryPlan.unavailable("EXPLAIN on the statement's own session failed: "
                    + PlanCapturer.firstLine(e.getMessage()));
        }
    }

    private static QueryPlan read(SQLWarning warnings) {
        for (SQLWarning w = warnings; w != null; w = w.getNextWarning()) {
            String message = w.getMessage();
            if (message != null && message.startsWith("[")) {
                return new QueryPlan(message, Mode.GENERIC_ON_SESSION, PlanText.summary(message));
            }
            if (message != null && message.startsWith(ERROR_PREFIX)) {
                return QueryPlan.unavailable("EXPLAIN on the statement's own session failed: "
                        + PlanCapturer.firstLine(message.substring(ERROR_PREFIX.length())));
            }
        }
        return QueryPlan.unavailable("EXPLAIN on the statement's own session returned no plan");
    }

    static String doBlock(String serverSql, int parameters) {
        String quoted = dollarQuoted(serverSql);
        String arguments = parameters == 0 ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")";
        return "DO $pgtestkit$ DECLARE result text; BEGIN\n"
                + "  BEGIN\n"
                + "    PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);\n"
                + "    EXECUTE 'PREPARE pgtestkit_explain AS ' || " + quoted + ";\n"
                + "    BEGIN\n"
                + "      EXECUTE 'EXPLAIN (FORMAT JSON) EXECUTE pgtestkit_explain" + arguments + "' INTO result;\n"
                + "    EXCEPTION WHEN OTHERS THEN EXECUTE 'DEALLOCATE pgtestkit_explain'; RAISE;\n"
                + "    END;\n"
                + "    EXECUTE 'DEALLOCATE pgtestkit_explain';\n"
                + "    RAISE EXCEPTION USING ERRCODE = '" + ROLLBACK_STATE + "';\n"
                + "  EXCEPTION WHEN SQLSTATE '" + ROLLBACK_STATE + "' THEN NULL;\n"
                + "    WHEN OTHERS THEN result := '" + ERROR_PREFIX + "' || SQLSTATE || ' ' || SQLERRM;\n"
                + "  END;\n"
                + "  BEGIN\n"
                + "    PERFORM set_config('client_min_messages', 'notice', true);\n"
                + "    RAISE NOTICE '%', result;\n"
                + "    RAISE EXCEPTION USING ERRCODE = '" + ROLLBACK_STATE + "';\n"
                + "  EXCEPTION WHEN SQLSTATE '" + ROLLBACK_STATE + "' THEN NULL;\n"
                + "  END;\n"
                + "END $pgtestkit$";
    }

    /** The statement as a dollar-quoted string whose tag it does not contain (it ran as it is, so it is SQL). */
    private static String dollarQuoted(String sql) {
        if (sql.contains("$pgtestkit$")) {
            throw new IllegalArgumentException("the statement contains the DO block's tag $pgtestkit$");
        }
        String tag = "$pgtestkit_sql$";
        for (int n = 1; sql.contains(tag); n++) {
            tag = "$pgtestkit_sql" + n + "$";
        }
        return tag + sql + tag;
    }
}

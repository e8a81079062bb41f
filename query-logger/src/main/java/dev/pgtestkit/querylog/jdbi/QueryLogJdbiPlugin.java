package dev.pgtestkit.querylog.jdbi;

import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.internal.LoggingConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Gives Jdbi users the logger's events with named statements: connections Jdbi opens are logged (unless the
 * DataSource already is), and each statement is named after its SQL object method ({@code UserDao.findById}) or
 * the {@value #STATEMENT_NAME} attribute ({@code handle.createQuery(sql).define(STATEMENT_NAME, "load users")}).
 * An SQL logger already configured keeps receiving its callbacks.
 *
 * <pre>{@code
 * Jdbi jdbi = Jdbi.create(logger.wrap(dataSource)).installPlugin(QueryLogJdbiPlugin.of(logger));
 * }</pre>
 */
public final class QueryLogJdbiPlugin implements JdbiPlugin {

    /** Statement attribute (a {@code define}) that names the statement explicitly. */
    public static final String STATEMENT_NAME = "pgtestkit.statementName";

    private final QueryLogger logger;

    private QueryLogJdbiPlugin(QueryLogger logger) {
        this.logger = logger;
    }

    public static QueryLogJdbiPlugin of(QueryLogger logger) {
        return new QueryLogJdbiPlugin(Objects.requireNonNull(logger, "logger"));
    }

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setSqlLogger(new NamingSqlLogger(statements.getSqlLogger()));
    }

    /** Logs connections Jdbi opens from a plain DataSource; already-logged ones are returned as they are. */
    @Override
    public Connection customizeConnection(Connection connection) {
        return logger.wrap(connection);
    }

    /** Names the connection's next statements around each Jdbi execution. */
    private static final class NamingSqlLogger implements SqlLogger {
        private final SqlLogger next;

        NamingSqlLogger(SqlLogger next) {
            this.next = next == null ? SqlLogger.NOP_SQL_LOGGER : next;
        }

        @Override
        public void logBeforeExecution(StatementContext context) {
            name(context, statementName(context));
            next.logBeforeExecution(context);
        }

        @Override
        public void logAfterExecution(StatementContext context) {
            name(context, null);
            next.logAfterExecution(context);
        }

        @Override
        public void logException(StatementContext context, SQLException ex) {
            name(context, null);
            next.logException(context, ex);
        }

        private static String statementName(StatementContext context) {
            Object explicit = context.getAttribute(STATEMENT_NAME);
            if (explicit != null) {
                return explicit.toString();
            }
            ExtensionMethod method = context.getExtensionMethod();
            return method == null ? null : method.getType().getSimpleName() + "." + method.getMethod().getName();
        }

        private static void name(StatementContext context, String name) {
            try {
                Connection connection = context.getConnection();
                if (connection != null && connection.isWrapperFor(LoggingConnection.class)) {
                    connection.unwrap(LoggingConnection.class).nameStatements(name);
                }
            } catch (SQLException e) {
                // a connection that cannot be unwrapped is not logged: nothing to name
            }
        }
    }
}

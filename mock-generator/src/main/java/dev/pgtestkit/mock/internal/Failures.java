package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.QueryException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a server error into a {@link QueryException} naming the constraint, table and column Postgres reported. */
final class Failures {

    private Failures() {
    }

    static QueryException of(String what, SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String detail = m != null && m.getDetail() != null ? " (" + m.getDetail() + ")" : "";
        return new QueryException("Failed " + what + ": " + e.getMessage() + detail, e.getSQLState(),
                m == null ? null : m.getConstraint(), m == null ? null : m.getTable(),
                m == null ? null : m.getColumn(), e);
    }
}

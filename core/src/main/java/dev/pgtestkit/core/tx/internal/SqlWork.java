package dev.pgtestkit.core.tx.internal;

import java.sql.SQLException;
import java.sql.Statement;

/** Work done with pgtestkit's own statement on the pinned connection (PgJDBC autosave off meanwhile). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Statement statement) throws SQLException;
}

package dev.pgtestkit.querylog;

import dev.pgtestkit.core.DisposableDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What most ITs share: a fresh database with their schema, a logger, and the logged DataSource. Closing drops it. */
record LoggedDatabase(DisposableDatabase db, QueryLogger logger, DataSource logged) implements AutoCloseable {

    static LoggedDatabase open(QueryLogger.Builder logger, String... ddl) throws SQLException {
        DisposableDatabase db = TestDatabases.withSchema(ddl);
        QueryLogger built = logger.build();
        return new LoggedDatabase(db, built, built.wrap(db.dataSource()));
    }

    @Override
    public void close() {
        logger.close();
        db.close();
    }
}

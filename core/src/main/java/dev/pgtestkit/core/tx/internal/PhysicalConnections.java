package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.DisposableDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.common.BaseDataSource;
import org.postgresql.jdbc.AutoSave;

/** Opens the physical connections that test transactions pin. */
public final class PhysicalConnections {

    /** {@code application_name} of the query logger's plan sessions; the other-session check ignores them. */
    public static final String EXPLAIN_APPLICATION_NAME = "pgtestkit-explain";

    private PhysicalConnections() {
    }

    /**
     * Configures a PgJDBC DataSource that pgtestkit owns (it is changed in place): {@code autosave=always} with
     * {@code cleanupSavepoints=true}, so each statement's savepoint is released in the same round trip instead of
     * piling up, and the pinned {@code application_name} (see {@link #name}). Other DataSources are returned
     * unchanged.
     */
    public static DataSource configure(DataSource dataSource) throws SQLException {
        if (dataSource.isWrapperFor(BaseDataSource.class)) {
            BaseDataSource pg = dataSource.unwrap(BaseDataSource.class);
            pg.setAutosave(AutoSave.ALWAYS);
            pg.setCleanupSavepoints(true);
            name(pg, PinnedConnection.APPLICATION_NAME);
        }
        return dataSource;
    }

    /**
     * Names the DataSource's sessions in their startup packet. Unless told the server is 9.0 or later, PgJDBC names a
     * new session with a {@code SET application_name} after connecting; meanwhile the session runs unnamed, and
     * another test's other-session check takes it for a leak.
     */
    private static void name(BaseDataSource dataSource, String applicationName) {
        dataSource.setApplicationName(applicationName);
        if (dataSource.getAssumeMinServerVersion() == null) {
            dataSource.setAssumeMinServerVersion("9.0");
        }
    }

    /**
     * A DataSource of the database for the query logger's EXPLAINs: sessions of their own (never a view of a pinned
     * connection, where a read-only plan transaction would leak into the test's), named so the other-session check
     * knows them. A plan sees the committed schema, not what the test created.
     */
    public static DataSource explainDataSource(DisposableDatabase database) {
        DataSource dataSource = database.dataSource();
        try {
            name(dataSource.unwrap(BaseDataSource.class), EXPLAIN_APPLICATION_NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("A DisposableDatabase's DataSource is PgJDBC's", e);
        }
        return dataSource;
    }

    /** A new connection from the DataSource, named as pinned; the caller pins or closes it. */
    public static Connection open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!PinnedConnection.APPLICATION_NAME.equals(connection.getClientInfo("ApplicationName"))) {
                connection.setClientInfo("ApplicationName", PinnedConnection.APPLICATION_NAME);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}

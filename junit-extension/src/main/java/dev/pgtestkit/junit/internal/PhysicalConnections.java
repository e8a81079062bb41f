package dev.pgtestkit.junit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.common.BaseDataSource;
import org.postgresql.jdbc.AutoSave;

/** Opens the physical connections that test transactions pin. */
public final class PhysicalConnections {

    private PhysicalConnections() {
    }

    /**
     * Configures a PgJDBC DataSource that pgtestkit owns (it is changed in place): {@code autosave=always} with
     * {@code cleanupSavepoints=true}, so each statement's savepoint is released in the same round trip instead of
     * piling up, and the pinned {@code application_name}. Other DataSources are returned unchanged.
     */
    public static DataSource configure(DataSource dataSource) throws SQLException {
        if (dataSource.isWrapperFor(BaseDataSource.class)) {
            BaseDataSource pg = dataSource.unwrap(BaseDataSource.class);
            pg.setAutosave(AutoSave.ALWAYS);
            pg.setCleanupSavepoints(true);
            pg.setApplicationName(PinnedConnection.APPLICATION_NAME);
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

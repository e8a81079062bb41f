package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.jdbc.PgStatement;
import org.postgresql.jdbc.PgResultSet;

/** The wrappers: transparent to unwrap, never stacked, and adding no statements of their own. */
class WrappersIT {

    private static DisposableDatabase db;
    private static QueryLogger logger;

    @BeforeAll
    static void createSchema() throws SQLException {
        db = TestDatabases.withSchema("CREATE TABLE t (id int PRIMARY KEY, v text)",
                "INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 10) g");
        logger = QueryLogger.builder().logToSlf4j(false).build();
    }

    @AfterAll
    static void dropDatabase() {
        logger.close();
        db.close();
    }

    @Test
    void unwrapsToTheDriversOwnClasses() throws SQLException {
        DataSource logged = logger.wrap(db.dataSource());
        try (Connection c = logged.getConnection();
                Statement s = c.createStatement();
                PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?");
                CallableStatement call = c.prepareCall("SELECT 1")) {
            assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
            assertThat(c.unwrap(PgConnection.class)).isInstanceOf(PgConnection.class);
            assertThat(c.unwrap(PGConnection.class).getBackendPID()).isPositive();
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            assertThat(s.unwrap(PGStatement.class)).isNotNull();
            assertThat(ps.unwrap(PgStatement.class)).isInstanceOf(PgStatement.class);
            assertThat(call.isWrapperFor(PGStatement.class)).isTrue();
            ps.setInt(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.isWrapperFor(PgResultSet.class)).isTrue();
                assertThat(rs.unwrap(PgResultSet.class)).isInstanceOf(PgResultSet.class);
                assertThat(rs.getStatement()).isSameAs(ps);
            }
            assertThat(s.getConnection()).isSameAs(c);
            assertThat(ps.getConnection()).isSameAs(c);
            assertThat(logged.isWrapperFor(org.postgresql.ds.common.BaseDataSource.class)).isTrue();
        }
    }

    @Test
    void neverWrapsTwice() throws SQLException {
        DataSource logged = logger.wrap(db.dataSource());
        assertThat(logger.wrap(logged)).isSameAs(logged);
        try (Connection c = logged.getConnection()) {
            assertThat(logger.wrap(c)).isSameAs(c);
        }
        try (QueryLogger other = QueryLogger.builder().logToSlf4j(false).build()) {
            assertThatThrownBy(() -> other.wrap(logged))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("This DataSource/Connection is already logged by another QueryLogger; wrapping it"
                            + " again would record every statement twice. Wrap the original DataSource, or share one"
                            + " QueryLogger.");
        }
    }

    @Test
    void seesThroughOtherWrappersAroundALoggedDataSource() throws SQLException {
        DataSource logged = logger.wrap(db.dataSource());
        DataSource proxiedOnTop = ProxyDataSourceBuilder.create("on-top", logged).build();
        assertThat(logger.wrap(proxiedOnTop)).isSameAs(proxiedOnTop);
        try (Connection c = proxiedOnTop.getConnection()) {
            assertThat(logger.wrap(c)).isSameAs(c);
        }
    }

    @Test
    void sendsTheDriverExactlyTheApplicationsStatements() throws SQLException {
        QueryCountHolder.clear();
        DataSource counted = ProxyDataSourceBuilder.create("beneath", db.dataSource()).countQuery().build();
        DataSource logged = logger.wrap(counted);
        try (QueryScope scope = logger.startScope("round trips"); Connection c = logged.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
                for (int id = 1; id <= 5; id++) {
                    ps.setInt(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
                ps.setString(1, "x");
                ps.setInt(2, 1);
                ps.addBatch();
                ps.setInt(2, 2);
                ps.addBatch();
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT count(*) FROM t");
                s.getResultSet().next();
            }
            c.close();
            assertThat(scope.log().size()).isEqualTo(7);
        }
        QueryCount count = QueryCountHolder.get("beneath");
        assertThat(count.getSelect()).isEqualTo(6);
        assertThat(count.getUpdate()).isEqualTo(1);
        assertThat(count.getTotal()).as("statements that reached the driver").isEqualTo(7);
    }
}

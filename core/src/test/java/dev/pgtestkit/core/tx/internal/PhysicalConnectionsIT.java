package dev.pgtestkit.core.tx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sessions pgtestkit opens carry their name from the first moment, so a test's other-session check never takes
 * another test's session, still being opened, for a leak.
 */
class PhysicalConnectionsIT {

    private static DisposableDatabase database;

    @BeforeAll
    static void checkout() {
        database = DatabaseTemplate.builder(PostgresProvider.auto().shared()).flywayLocations("classpath:db/accounts")
                .build().checkout();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void pinnedAndPlanSessionsAreNamedInTheStartupPacket() throws SQLException {
        DataSource pinned = PhysicalConnections.configure(database.dataSource());
        assertThat(nameAndSource(pinned)).containsExactly(PinnedConnection.APPLICATION_NAME, "client");
        DataSource explain = PhysicalConnections.explainDataSource(database);
        assertThat(nameAndSource(explain)).containsExactly(PhysicalConnections.EXPLAIN_APPLICATION_NAME, "client");
    }

    @Test
    void theOtherSessionCheckNeverSeesSessionsBeingPinned() throws Exception {
        DataSource pinned = PhysicalConnections.configure(database.dataSource());
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> opener = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    PhysicalConnections.open(pinned).close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                done.set(true);
            }
        });
        List<String> seen = new ArrayList<>();
        int checks = 0;
        try (Connection checker = PhysicalConnections.open(pinned);
             var others = checker.prepareStatement(SessionSql.OTHER_SESSIONS)) {
            while (!done.get()) {
                checks++;
                try (ResultSet rows = others.executeQuery()) {
                    while (rows.next()) {
                        seen.add(rows.getString("app") + " " + rows.getString("state"));
                    }
                }
            }
        }
        opener.get();
        assertThat(checks).isPositive();
        assertThat(seen).isEmpty();
    }

    private static List<String> nameAndSource(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT setting, source FROM pg_settings WHERE name = 'application_name'")) {
            row.next();
            return List.of(row.getString(1), row.getString(2));
        }
    }
}

package dev.pgtestkit.samples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Application code as the Error Translator writes it: its own transaction, committed. Under a pgtestkit test
 * transaction the commit becomes a savepoint release, so the row still disappears when the test ends.
 */
final class UsageRecorder {

    private final DataSource dataSource;

    UsageRecorder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void record(String endpoint, int statusCode) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO usage_logs (endpoint, method, status_code) VALUES (?, 'POST', ?)")) {
                insert.setString(1, endpoint);
                insert.setInt(2, statusCode);
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record usage of " + endpoint + ": " + e.getMessage(), e);
        }
    }
}

package dev.pgtestkit.junit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Small JDBC helpers for the fixtures; values are bound, table names are the tests' own constants. */
final class Sql {

    private Sql() {
    }

    static long count(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String emails(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT coalesce(string_agg(email, ',' ORDER BY email), '') FROM accounts");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long insertAccount(Connection connection, String email) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO accounts (email) VALUES (?) RETURNING id")) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static long insertAccount(DataSource dataSource, String email) {
        try (Connection connection = dataSource.getConnection()) {
            return insertAccount(connection, email);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.pgtestkit.sync.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session settings that change how the server prints definitions, pinned while the writer reads and restored
 * afterwards (the connection is the dumper's). An empty search_path makes the server qualify every name outside
 * pg_catalog; the others fix how constants in defaults, checks and partition bounds print.
 */
final class PinnedSettings implements AutoCloseable {

    private static final Map<String, String> PINNED = pinned();

    private final Connection connection;
    private final Map<String, String> previous = new LinkedHashMap<>();

    private PinnedSettings(Connection connection) {
        this.connection = connection;
    }

    private static Map<String, String> pinned() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("search_path", "");
        settings.put("TimeZone", "UTC");
        settings.put("DateStyle", "ISO, YMD");
        settings.put("IntervalStyle", "postgres");
        settings.put("extra_float_digits", "3");
        settings.put("bytea_output", "hex");
        return settings;
    }

    static PinnedSettings pin(Connection connection) throws SQLException {
        PinnedSettings settings = new PinnedSettings(connection);
        for (String name : PINNED.keySet()) {
            settings.previous.put(name, settings.set(name, PINNED.get(name)));
        }
        return settings;
    }

    /** Sets a setting for the session, returning its value before. */
    private String set(String name, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT current_setting(?), set_config(?, ?, false)")) {
            statement.setString(1, name);
            statement.setString(2, name);
            statement.setString(3, value);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (Map.Entry<String, String> setting : previous.entrySet()) {
            set(setting.getKey(), setting.getValue());
        }
    }
}

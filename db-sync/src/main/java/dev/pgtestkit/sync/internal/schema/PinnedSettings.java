package dev.pgtestkit.sync.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session settings that change how the server prints definitions, pinned while the writer reads and restored
 * afterwards (the connection is the dumper's). An empty search_path makes the server qualify every name outside
 * pg_catalog; the others fix how constants in defaults, checks and partition bounds print, and keep JIT out of
 * the catalog queries.
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
        // The catalog queries' row estimates are far off; with JIT the server spends more time compiling their
        // plans than running them (core's registry found the same).
        settings.put("jit", "off");
        return settings;
    }

    static PinnedSettings pin(Connection connection) throws SQLException {
        PinnedSettings settings = new PinnedSettings(connection);
        StringBuilder read = new StringBuilder("SELECT ");
        for (String name : PINNED.keySet()) {
            read.append(read.length() > 7 ? ", " : "").append("current_setting('").append(name).append("')");
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(read.toString())) {
            rs.next();
            int column = 1;
            for (String name : PINNED.keySet()) {
                settings.previous.put(name, rs.getString(column++));
            }
        }
        settings.set(PINNED);
        return settings;
    }

    /** Sets the settings for the session, in one statement. */
    private void set(Map<String, String> values) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i > 0 ? ", " : "").append("set_config(?, ?, false)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (Map.Entry<String, String> setting : values.entrySet()) {
                statement.setString(parameter++, setting.getKey());
                statement.setString(parameter++, setting.getValue());
            }
            statement.executeQuery().close();
        }
    }

    @Override
    public void close() throws SQLException {
        set(previous);
    }
}

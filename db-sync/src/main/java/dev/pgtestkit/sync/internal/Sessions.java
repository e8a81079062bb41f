package dev.pgtestkit.sync.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Session settings every data connection pins, so values print (dump, verify) and parse (restore) the same way on
 * every machine: the same data always gives the same bytes.
 */
public final class Sessions {

    private static final String PIN = "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';"
            + " SET extra_float_digits = 3; SET bytea_output = 'hex'; SET client_encoding = 'UTF8';"
            + " SET lc_monetary = 'C'; SET standard_conforming_strings = on; SET search_path = ''";

    private Sessions() {
    }

    /** Pins the settings on {@code connection} (for the session, so a transaction begun later keeps them). */
    public static void pin(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(PIN);
        }
    }

    /** Runs one statement. */
    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Quotes an identifier for SQL. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Quotes a string literal for SQL (standard_conforming_strings on). */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

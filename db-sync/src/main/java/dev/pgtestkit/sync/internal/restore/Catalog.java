package dev.pgtestkit.sync.internal.restore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Databases and sessions of a server, as the restore's maintenance connection sees them. */
final class Catalog {

    private Catalog() {
    }

    /** A database's name, owner and comment. */
    record DatabaseInfo(String name, String owner, String comment) {}

    /** The database, or {@code null} when there is none of that name. */
    static DatabaseInfo database(Connection admin, String name) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT d.datname, pg_get_userbyid(d.datdba),"
                + " shobj_description(d.oid, 'pg_database') FROM pg_database d WHERE d.datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new DatabaseInfo(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    /** Names of the databases starting with {@code prefix}, sorted. */
    static List<String> databases(Connection admin, String prefix) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT datname FROM pg_database WHERE"
                + " starts_with(datname, ?) ORDER BY datname")) {
            s.setString(1, prefix);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    /** One line per other session connected to {@code database}: pid, user, application, client address. */
    static List<String> sessions(Connection admin, String database) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT pid, usename, application_name, client_addr"
                + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() ORDER BY pid")) {
            s.setString(1, database);
            List<String> sessions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions.add("pid " + rs.getInt(1) + ", user " + rs.getString(2) + ", application '"
                            + rs.getString(3) + "'" + (rs.getString(4) == null ? ", local" : ", from "
                            + rs.getString(4)));
                }
            }
            return sessions;
        }
    }

    /**
     * {@link #sessions}, giving sessions up to 500 ms to end: a client's close() returns before its server process
     * has exited, so a session just closed would otherwise count.
     */
    static List<String> lingeringSessions(Connection admin, String database) throws SQLException {
        long deadline = System.nanoTime() + 500_000_000L;
        List<String> sessions = sessions(admin, database);
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sessions = sessions(admin, database);
        }
        return sessions;
    }

    /** Terminates every other session on {@code database} and waits (up to 10 s) until they are gone. */
    static void terminateSessions(Connection admin, String database) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            s.setString(1, database);
            s.executeQuery().close();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!sessions(admin, database).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

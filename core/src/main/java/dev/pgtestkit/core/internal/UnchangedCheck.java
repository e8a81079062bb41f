package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Whether a clone given back is provably unchanged, so {@link ClonePool} can hand it out again instead of dropping it
 * (on PostgreSQL 15 with {@code fsync} on, every {@code DROP DATABASE} waits for a checkpoint). Conservative: anything
 * it cannot prove unchanged is dropped. Runs on the pool's background threads only.
 *
 * <p>What it relies on (PostgreSQL 15+, where statistics live in shared memory and a backend flushes its own before
 * it leaves the activity list, in a {@code before_shmem_exit} hook):
 * <ul>
 *   <li>no backend is connected to the clone (waited for, up to {@value #WAIT_MILLIS} ms), so every session that used
 *   it has flushed its statistics;</li>
 *   <li>the clone is then renamed to a fresh pool name: a DataSource or a leaked connection pool of the test that
 *   closed it fails as after a drop ({@code 3D000}) instead of reaching the next test's database, and nobody can
 *   connect by the old name while it is checked ({@code ALTER DATABASE RENAME} refuses while anyone is
 *   connected);</li>
 *   <li>tuples inserted + updated + deleted in the clone are 0: these count rolled-back writes and catalog writes, so
 *   DDL, temporary tables, {@code TRUNCATE}, large objects and {@code ANALYZE} count as changes
 *   ({@code track_counts} must be on);</li>
 *   <li>no sequence block was read ({@code nextval}/{@code setval} change no row) and no table vacuumed (which
 *   changes the planner's estimates without a row): checked from a session on the clone, whose own exit is waited
 *   for again;</li>
 *   <li>what lives in shared catalogs, which the clone's statistics do not count, equals its {@link #fingerprint} taken
 *   right after the clone was made: ACL, owner, connection limit, {@code ALTER DATABASE ... SET}, comment, security
 *   labels, subscriptions, replication slots, prepared transactions, and the statistics' reset time (a
 *   {@code pg_stat_reset()} would hide writes).</li>
 * </ul>
 * {@code -Dpgtestkit.pool.reuse=false} turns reuse off.
 */
final class UnchangedCheck implements AutoCloseable {

    static final String PROPERTY = "pgtestkit.pool.reuse";
    /** How long a give-back waits for the sessions on the clone to end before the clone is dropped instead. */
    static final long WAIT_MILLIS = 1_000;
    private static final long POLL_MILLIS = 10;
    /** Idle admin sessions kept between checks: one per drop thread; released while the pool is idle. */
    private static final int SPARE_SESSIONS = 2;

    /** Everything about the database kept outside the database itself (shared catalogs), as one text. */
    private static final String FINGERPRINT = "ROW(d.oid, d.datdba, d.encoding, d.datistemplate, d.datallowconn, "
            + "d.datconnlimit, d.dattablespace, d.datcollate, d.datctype, d.datacl::text, "
            + "(SELECT string_agg(s.setrole::text || '=' || s.setconfig::text, ',' ORDER BY s.setrole) "
            + "FROM pg_db_role_setting s WHERE s.setdatabase = d.oid), "
            + "shobj_description(d.oid, 'pg_database'), "
            + "(SELECT string_agg(l.provider || '=' || l.label, ',' ORDER BY l.provider) FROM pg_shseclabel l "
            + "WHERE l.objoid = d.oid AND l.classoid = 'pg_database'::regclass), "
            + "(SELECT count(*) FROM pg_subscription s WHERE s.subdbid = d.oid), "
            + "(SELECT count(*) FROM pg_replication_slots r WHERE r.datoid = d.oid), "
            + "(SELECT count(*) FROM pg_prepared_xacts p WHERE p.database = d.datname), "
            + "pg_stat_get_db_stat_reset_time(d.oid))::text";
    private static final String STATE = "SELECT pg_stat_get_db_numbackends(d.oid), "
            + "pg_stat_get_db_tuples_inserted(d.oid) + pg_stat_get_db_tuples_updated(d.oid) "
            + "+ pg_stat_get_db_tuples_deleted(d.oid), current_setting('track_counts')::boolean, " + FINGERPRINT
            + " FROM pg_database d WHERE d.datname = ?";
    /** Per-relation statistics, readable only from a session on the clone itself. */
    private static final String INSIDE = "SELECT (SELECT coalesce(sum(coalesce(blks_read, 0) + coalesce(blks_hit, 0)),"
            + " 0) FROM pg_statio_all_sequences), (SELECT coalesce(sum(vacuum_count + autovacuum_count + analyze_count"
            + " + autoanalyze_count), 0) FROM pg_stat_all_tables t JOIN pg_class c ON c.oid = t.relid"
            + " WHERE NOT c.relisshared)"; // shared catalogs' counts are the whole server's

    /** The outcome of a give-back: the name the clone has now, and why it must be dropped (null: unchanged). */
    record Verdict(String name, String change) {
        boolean unchanged() {
            return change == null;
        }
    }

    private final PostgresServer server;
    private final Deque<Connection> sessions = new ArrayDeque<>();
    private boolean closed;

    private UnchangedCheck(PostgresServer server) {
        this.server = server;
    }

    /** The check for clones on this server; null when reuse is off or the server's statistics cannot prove it. */
    static UnchangedCheck of(PostgresServer server) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true").trim()) || server.versionNum() < 150000) {
            return null; // before 15, the statistics collector's numbers lag behind the sessions that made them
        }
        return new UnchangedCheck(server);
    }

    /** What the clone's own statistics do not count, right after it was made; null when it could not be read. */
    String fingerprint(String name) {
        Connection admin = null;
        boolean healthy = false;
        try {
            admin = session();
            String state = state(admin, name).fingerprint();
            healthy = true;
            return state;
        } catch (SQLException | RuntimeException e) {
            return null; // then the clone is never reused
        } finally {
            giveBack(admin, healthy);
        }
    }

    /**
     * Checks a clone given back, renaming it to {@code renameTo} first; see the class comment. Never throws: whatever
     * goes wrong is a change (the clone is dropped).
     */
    Verdict check(String name, String fingerprint, String renameTo) {
        String current = name;
        Connection admin = null;
        boolean healthy = false;
        try {
            admin = session();
            if (!awaitNoSessions(admin, current)) {
                healthy = true;
                return new Verdict(current, "still connected " + WAIT_MILLIS + " ms after it was given back");
            }
            try (Statement st = admin.createStatement()) {
                st.execute("ALTER DATABASE " + Identifiers.quote(current) + " RENAME TO " + Identifiers.quote(renameTo));
            } catch (SQLException e) {
                // an error from the server rolled the rename back; a lost connection leaves a clone of this run's
                // lease behind at worst, which the next run reclaims
                healthy = !e.getSQLState().startsWith("08");
                return new Verdict(current, "could not rename it: " + e.getMessage());
            }
            current = renameTo;
            JdbcServer jdbc = CloneStrategy.jdbcServer(server);
            if (jdbc != null) {
                jdbc.renamed(name, renameTo);
            }
            String change = changeSince(admin, current, fingerprint);
            if (change == null) {
                change = changeSeenInside(current);
            }
            if (change == null && !awaitNoSessions(admin, current)) {
                change = "the check's own session on it did not end";
            }
            if (change == null) {
                change = changeSince(admin, current, fingerprint); // nothing slipped in while it was checked
            }
            healthy = true;
            return new Verdict(current, change);
        } catch (SQLException | RuntimeException e) {
            return new Verdict(current, "the check failed: " + e.getMessage());
        } finally {
            giveBack(admin, healthy);
        }
    }

    /** Null when the clone's statistics show no change and its shared-catalog fingerprint is the one taken at birth. */
    private String changeSince(Connection admin, String name, String fingerprint) throws SQLException {
        State state = state(admin, name);
        if (!state.trackCounts()) {
            return "track_counts is off, so writes are not counted";
        }
        if (state.sessions() > 0) {
            return state.sessions() + " session(s) connected";
        }
        if (state.rowChanges() != 0) {
            return state.rowChanges() + " row(s) inserted, updated or deleted (rolled back or catalog ones included)";
        }
        if (!state.fingerprint().equals(fingerprint)) {
            return "its settings, ACL, comment or other shared-catalog state changed: " + state.fingerprint()
                    + " (was " + fingerprint + ")";
        }
        return null;
    }

    /**
     * Sequences used ({@code nextval}/{@code setval} write no row) or tables vacuumed (a plain {@code VACUUM} writes
     * no row either, but changes the planner's page and row estimates), seen from a session on the clone.
     */
    private String changeSeenInside(String name) throws SQLException {
        long sequenceBlocks;
        long maintenance;
        try (Connection clone = server.connect(name); Statement st = clone.createStatement();
             ResultSet rs = st.executeQuery(INSIDE)) {
            rs.next();
            sequenceBlocks = rs.getLong(1);
            maintenance = rs.getLong(2);
        }
        if (sequenceBlocks != 0) {
            return "a sequence was used (" + sequenceBlocks + " block(s) read: nextval, setval or a read of it)";
        }
        return maintenance == 0 ? null : maintenance + " VACUUM or ANALYZE run(s) on its tables";
    }

    /** Whether every session on the database ended (and so flushed its statistics) within the wait. */
    private boolean awaitNoSessions(Connection admin, String name) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (true) {
            if (state(admin, name).sessions() == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private record State(int sessions, long rowChanges, boolean trackCounts, String fingerprint) {
    }

    /**
     * Read afresh: the admin session is in autocommit, so each reading is a transaction of its own, and a statistics
     * snapshot lives no longer than its transaction.
     */
    private static State state(Connection admin, String name) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement(STATE)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("database '" + name + "' does not exist");
                }
                return new State(rs.getInt(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4));
            }
        }
    }

    private Connection session() throws SQLException {
        synchronized (sessions) {
            Connection idle = sessions.poll();
            if (idle != null) {
                return idle;
            }
        }
        Connection admin = server.connect(server.adminDatabase());
        admin.setAutoCommit(true);
        return admin;
    }

    private void giveBack(Connection admin, boolean healthy) {
        if (admin == null) {
            return;
        }
        synchronized (sessions) {
            if (healthy && !closed && sessions.size() < SPARE_SESSIONS) {
                sessions.push(admin);
                return;
            }
        }
        closeQuietly(admin);
    }

    /** Closes the idle sessions (the pool is idle: a server's connection slots are not held for nothing). */
    void releaseSessions() {
        synchronized (sessions) {
            sessions.forEach(UnchangedCheck::closeQuietly);
            sessions.clear();
        }
    }

    @Override
    public void close() {
        synchronized (sessions) {
            closed = true;
            sessions.forEach(UnchangedCheck::closeQuietly);
            sessions.clear();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session is gone either way
        }
    }
}

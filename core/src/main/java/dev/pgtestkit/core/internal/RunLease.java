package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This JVM's lease on a server: a random 64-bit run key, held as a session-level advisory lock by a session of its
 * own for as long as the JVM uses the server. Every database the run creates carries the key in its name
 * ({@code _r<key in base 36>}), so any JVM, on any machine, can tell a live run's databases (the lock is held: it
 * shows in {@code pg_locks}, whatever database the holder is connected to) from those of a run that died (the
 * server released the lock with the session). The lock is taken before the first database is named, so a database
 * whose key has no lock is provably no live run's; such databases (clones and half-built templates of killed JVMs)
 * are reclaimed when a run takes its lease.
 */
public final class RunLease {

    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);
    private static final Map<String, RunLease> LEASES = new ConcurrentHashMap<>();
    /**
     * Exactly the names runs give their databases (clones {@code pgtestkit_db_<template tail>_r<key>_<n>}, template
     * builds {@code pgtestkit_tpl_<hash>_r<key>_<n>}): other {@code pgtestkit_} databases, such as db-sync's kept
     * targets or a user's {@code pgtestkit_orders_restore}, are never taken for a dead run's.
     */
    private static final Pattern RUN =
            Pattern.compile("^pgtestkit_(?:db_.{1,8}_r([0-9a-z]{1,13})_[0-9]+|tpl_[0-9a-f]{16}_r([0-9a-z]{1,13})(?:_[0-9]+)?)$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long key;
    private PostgresServer server;
    private Connection holder;

    private RunLease(long key) {
        this.key = key;
    }

    /** This JVM's lease on the server, taken (and stale databases reclaimed) on first use. */
    public static RunLease of(PostgresServer server) {
        RunLease lease = LEASES.computeIfAbsent(server.jdbcUrl(server.adminDatabase()),
                url -> new RunLease(RANDOM.nextLong()));
        lease.hold(server);
        return lease;
    }

    /** The run's part of a database name: {@code r} and the key in base 36. */
    public String token() {
        return "r" + Long.toUnsignedString(key, 36);
    }

    /** Whether the database name carries a run key whose lease is held by a live session (false: none or dead). */
    public boolean isLive(String database) {
        Long owner = runKey(database);
        return owner != null && liveKeys().contains(owner);
    }

    /** The run key in a database name, or null for names without one. */
    static Long runKey(String database) {
        Matcher m = RUN.matcher(database);
        if (!m.matches()) {
            return null;
        }
        return Long.parseUnsignedLong(m.group(1) != null ? m.group(1) : m.group(2), 36);
    }

    /** Takes the lock (again, after its session was lost) and then reclaims what dead runs left. */
    private synchronized void hold(PostgresServer current) {
        try {
            if (holder != null && holder.isValid(2)) {
                return;
            }
            server = current;
            if (holder != null) {
                LOG.warn("The session holding this run's lease on {} was lost; taking it again", server.description());
            }
            holder = server.connect(server.adminDatabase());
            holder.setAutoCommit(true);
            try (Statement st = holder.createStatement()) {
                st.execute("SET application_name = 'pgtestkit-lease'");
                st.execute("SELECT pg_advisory_lock(" + key + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take this run's lease on " + server.description() + ": "
                    + e.getMessage(), e);
        }
        reclaim();
    }

    /** Drops the databases of runs whose lease is gone. Lists databases first, then live leases (see class doc). */
    public synchronized List<String> reclaim() {
        List<String> dropped = new ArrayList<>();
        List<String> candidates = server.databases(PostgresServer.DATABASE_PREFIX).stream()
                .filter(name -> runKey(name) != null && runKey(name) != key).toList();
        if (candidates.isEmpty()) {
            return dropped;
        }
        Set<Long> live = liveKeys();
        for (String name : candidates) {
            if (!live.contains(runKey(name))) {
                try {
                    unmarkTemplate(name);
                    server.dropDatabase(name);
                    dropped.add(name);
                } catch (RuntimeException e) {
                    LOG.debug("Could not reclaim {}: {}", name, e.getMessage());
                }
            }
        }
        if (!dropped.isEmpty()) {
            LOG.info("Reclaimed {} database(s) of pgtestkit runs that ended without dropping them: {}",
                    dropped.size(), dropped);
        }
        return dropped;
    }

    /** A build killed between marking the template and renaming it left a template, which DROP refuses. */
    private void unmarkTemplate(String name) {
        try (Statement st = holder.createStatement()) {
            st.execute("ALTER DATABASE " + dev.pgtestkit.core.sql.Identifiers.quote(name) + " WITH IS_TEMPLATE false");
        } catch (SQLException e) {
            LOG.debug("Could not unmark {} as a template: {}", name, e.getMessage());
        }
    }

    /** Keys of the session-level advisory locks held right now, in every database of the cluster. */
    private synchronized Set<Long> liveKeys() {
        try (PreparedStatement ps = holder.prepareStatement("SELECT classid::bigint, objid::bigint FROM pg_locks"
                + " WHERE locktype = 'advisory' AND objsubid = 1 AND granted");
             ResultSet rows = ps.executeQuery()) {
            Set<Long> keys = new HashSet<>();
            while (rows.next()) {
                keys.add((rows.getLong(1) << 32) | rows.getLong(2));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the leases of pgtestkit runs on " + server.description()
                    + ": " + e.getMessage(), e);
        }
    }
}

package dev.pgtestkit.core.tx.internal;

/** SQL pgtestkit runs on the pinned session around each test. Nothing in it comes from user input. */
final class SessionSql {

    static final String CHECK_DEFERRED = "SET CONSTRAINTS ALL IMMEDIATE";

    /**
     * Whether anything can be deferred at all (deferrable foreign keys, unique keys and constraint triggers), and the
     * isolation level transactions begin at unless told otherwise.
     */
    static final String DATABASE_TRAITS = "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgdeferrable),"
            + " current_setting('default_transaction_isolation')";

    /**
     * What a rollback leaves of a test in the session, cleared before the next test: session-level advisory locks and
     * the sequences' {@code currval}/{@code lastval}. (Settings, temporary tables, cursors and LISTEN are
     * transactional: the rollback undoes them. SQL {@code PREPARE}d statements are not; see {@link #PREPARED}.)
     */
    static final String RESET_SESSION = "SELECT pg_advisory_unlock_all();\n" + SessionSql.DISCARD_SEQUENCES;

    /** The part of {@link #RESET_SESSION} SQL cannot run in a SELECT: forgets {@code currval}/{@code lastval}. */
    static final String DISCARD_SEQUENCES = "DISCARD SEQUENCES";

    static final String PREPARED_LABEL = "pgtestkit_prepared";

    /**
     * Statements the test {@code PREPARE}d in SQL (they survive ROLLBACK), deallocated one by one: PgJDBC's own
     * server-prepared statements ({@code from_sql} false) stay, so its statement cache stays valid.
     */
    static final String PREPARED = "SELECT name AS " + PREPARED_LABEL + " FROM pg_prepared_statements WHERE from_sql";

    /** The savepoint at the bottom of a test transaction: only pgtestkit's transaction has it. */
    static final String MARKER = "pgtestkit_tx";

    static final String SIGNATURE_LABEL = "pgtestkit_written";

    /**
     * The cheap part of the commit check's reading, from the database's own statistics entry: the rows its sessions'
     * reports said were inserted, updated or deleted (rolled-back writes included), the sessions that ever connected
     * to it, the server's clock, and the database's OID (later readings name the database by it: {@link #signatureOf}).
     * A session's report adds its tables' counts first and these totals after them (the database entry is flushed
     * last), and a new session reports its connection before it answers its client: while neither total moves, no
     * table's committed count can have moved and no session can have arrived that the last full reading did not see
     * (see {@link CommitWatch}). Reading one statistics entry costs next to nothing; the full reading
     * ({@link #OTHERS}, {@link #COMMITS}) copies every backend's status and every table's entry.
     */
    static final String SIGNATURE = signature("d.oid", " FROM pg_database d WHERE d.datname = current_database()");

    /**
     * Statistics read fresh on every call rather than cached until the transaction ends or the snapshot is cleared
     * (PostgreSQL 15+): set in the test transaction's first batch, so a test's end reads the signature without a
     * {@link #CLEAR_ACTIVITY_SNAPSHOT} of its own. The backends' activity is still a per-transaction copy; whatever
     * reads it clears first.
     */
    static final String FRESH_STATISTICS = "SET stats_fetch_consistency = none";

    /**
     * {@link #SIGNATURE} of the database with this OID (its fourth column, known from the first reading): it reads no
     * catalog, which made the usual end of a test about 20 µs faster than finding the database by name.
     */
    static String signatureOf(long oid) {
        return signature(oid + "::oid", "");
    }

    /**
     * {@link #signatureOf} and the advisory unlock of {@link #RESET_SESSION} in one statement, for the usual end of a
     * test (one statement fewer for the server to bind, snapshot and run).
     */
    static String signatureAndUnlockOf(long oid) {
        return signature(oid + "::oid", " FROM pg_advisory_unlock_all()");
    }

    static final String OTHERS_LABEL = "pgtestkit_others";

    /**
     * The client sessions on the test database other than pgtestkit's own: a backend reports its statistics as it
     * exits, before it leaves this list, so one missing from it has reported what it committed. Read before
     * {@link #COMMITS}, in a statement of its own, so that the order holds.
     */
    static final String OTHERS = "SELECT coalesce(array_agg(a.pid), '{}') AS " + OTHERS_LABEL
            + " FROM pg_stat_get_activity(NULL) a"
            + " WHERE a.datid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'"
            + " AND coalesce(a.application_name, '') NOT IN ('" + PinnedConnection.APPLICATION_NAME + "', '"
            + PhysicalConnections.EXPLAIN_APPLICATION_NAME + "')";

    static final String COMMITS_LABEL = "pgtestkit_commits";

    /**
     * The rows inserted, updated or deleted by committed transactions in the test database's tables
     * ({@code n_mod_since_analyze}: an aborted transaction adds nothing, so pgtestkit's rolled-back test transactions
     * never move it, and neither do autovacuum's visits), and how often those tables were analyzed (an analysis resets
     * their count). System catalogs are left out: autovacuum's analyses write to pg_statistic.
     */
    static final String COMMITS = "SELECT coalesce(sum(pg_stat_get_mod_since_analyze(c.oid)), 0)::bigint AS "
            + COMMITS_LABEL
            + ", coalesce(sum(pg_stat_get_analyze_count(c.oid) + pg_stat_get_autoanalyze_count(c.oid)), 0)::bigint"
            + " FROM pg_class c WHERE c.relkind = 'r' AND c.relpersistence <> 't'"
            + " AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace,"
            + " 'pg_toast'::regnamespace)";

    /** The full reading of the commit check, in this order: the signature, the other sessions, the counts. */
    static final String FULL_READING = SIGNATURE + ";\n" + OTHERS + ";\n" + COMMITS;

    /** Session activity is cached per transaction; the test transaction is long, so drop the cached copy first. */
    static final String CLEAR_ACTIVITY_SNAPSHOT = "SELECT pg_stat_clear_snapshot()";

    static final String OTHER_SESSIONS_LABEL = "pgtestkit_other_pid";

    /**
     * Client sessions on the test database other than the pinned ones and the query logger's plan sessions. Reads
     * pg_stat_get_activity() directly: the pg_stat_activity view adds two joins this check does not need. A backend
     * still starting up (state NULL) has run nothing yet, and may be another test's pinned session whose name the
     * server has not published.
     */
    static final String OTHER_SESSIONS = "SELECT a.pid AS " + OTHER_SESSIONS_LABEL
            + ", coalesce(nullif(a.application_name, ''), '(no application_name)') AS app"
            + ", coalesce(host(a.client_addr), 'local socket') AS client"
            + ", to_char(a.backend_start, 'HH24:MI:SS') AS since, coalesce(a.state, '?') AS state"
            + " FROM pg_stat_get_activity(NULL) a"
            + " WHERE a.datid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend' AND a.state IS NOT NULL"
            + " AND a.application_name NOT IN ('" + PinnedConnection.APPLICATION_NAME + "', '"
            + PhysicalConnections.EXPLAIN_APPLICATION_NAME + "')";

    /**
     * Remembers every sequence's position in a transaction-local setting (rolled back with its savepoint, invisible
     * to the code under test), so it can be restored after each test: sequences ignore ROLLBACK.
     */
    static final String SNAPSHOT_SEQUENCES = "SELECT set_config('pgtestkit.sequences', coalesce((SELECT json_agg("
            + "json_build_array(schemaname, sequencename, last_value, start_value))::text FROM pg_sequences), '[]'),"
            + " true)";

    /** Puts back the sequences that moved since the snapshot. */
    static final String RESTORE_SEQUENCES = "SELECT count(setval(format('%I.%I', p.schemaname, p.sequencename),"
            + " coalesce((s->>2)::bigint, (s->>3)::bigint), s->>2 IS NOT NULL)) AS pgtestkit_restored"
            + " FROM json_array_elements(coalesce(current_setting('pgtestkit.sequences', true), '[]')::json) s"
            + " JOIN pg_sequences p ON p.schemaname = s->>0 AND p.sequencename = s->>1"
            + " WHERE p.last_value IS DISTINCT FROM (s->>2)::bigint";

    /** The signature's columns (written, sessions, clock, the database's OID) for the database {@code oid} names. */
    private static String signature(String oid, String from) {
        return "SELECT pg_stat_get_db_tuples_inserted(" + oid + ") + pg_stat_get_db_tuples_updated(" + oid + ")"
                + " + pg_stat_get_db_tuples_deleted(" + oid + ") AS " + SIGNATURE_LABEL + ", pg_stat_get_db_sessions("
                + oid + "), clock_timestamp()::text, " + oid + "::bigint" + from;
    }

    private SessionSql() {
    }
}

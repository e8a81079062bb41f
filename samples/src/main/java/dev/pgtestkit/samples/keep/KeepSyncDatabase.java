package dev.pgtestkit.samples.keep;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The Keep→Notion sync's data layer (the seed's {@code DatabaseOperations}) on Jdbi: sync state, credentials,
 * sync jobs and their logs. Each call runs in its own auto-commit statement unless it is part of
 * {@link #inTransaction}.
 */
public final class KeepSyncDatabase {

    /** The Flyway location of this application's migrations. */
    public static final String MIGRATIONS = "classpath:db/keep";

    private static final String JOB_COLUMNS = "job_id, user_id, status, full_sync, total_notes, processed_notes,"
            + " failed_notes, error_message, created_at, completed_at";

    private final Jdbi jdbi;
    private final Handle handle; // non-null inside inTransaction

    private KeepSyncDatabase(Jdbi jdbi, Handle handle) {
        this.jdbi = jdbi;
        this.handle = handle;
    }

    /** The data layer on a DataSource (a HikariCP pool in production, a test's DataSource in tests). */
    public static KeepSyncDatabase on(DataSource dataSource) {
        return new KeepSyncDatabase(Jdbi.create(dataSource), null);
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<KeepSyncDatabase, T> work) {
        if (handle != null) {
            return work.apply(this);
        }
        return jdbi.inTransaction(h -> work.apply(new KeepSyncDatabase(jdbi, h)));
    }

    // ---- sync state

    /** Every sync record of a user, by note id. */
    public List<SyncState> getSyncStateByUser(String userId) {
        return call(h -> h.createQuery("SELECT * FROM sync_state WHERE user_id = :user ORDER BY keep_note_id")
                .bind("user", userId).map(KeepSyncDatabase::syncState).list());
    }

    /** The sync record of one note of a user. */
    public Optional<SyncState> getSyncRecord(String userId, String keepNoteId) {
        return call(h -> h.createQuery("SELECT * FROM sync_state WHERE user_id = :user AND keep_note_id = :note")
                .bind("user", userId).bind("note", keepNoteId).map(KeepSyncDatabase::syncState).findOne());
    }

    /**
     * Inserts the record of (user, note) or updates the one there, in one statement: callers racing on the same
     * pair never see a unique violation (a read-then-insert would, see {@code uq_user_keep_note}).
     */
    public SyncState upsertSyncState(String userId, String keepNoteId, String notionPageId, Instant keepModifiedAt) {
        return call(h -> h.createQuery("""
                INSERT INTO sync_state (user_id, keep_note_id, notion_page_id, keep_modified_at)
                VALUES (:user, :note, :page, :modified)
                ON CONFLICT ON CONSTRAINT uq_user_keep_note DO UPDATE
                   SET notion_page_id = excluded.notion_page_id,
                       keep_modified_at = excluded.keep_modified_at,
                       last_synced_at = now()
                RETURNING *""")
                .bind("user", userId).bind("note", keepNoteId).bind("page", notionPageId)
                .bind("modified", offset(keepModifiedAt)).map(KeepSyncDatabase::syncState).one());
    }

    // ---- credentials

    /** Stores a user's tokens encrypted with {@code cipher} (insert or replace). */
    public void storeCredentials(String userId, String googleOauthToken, String notionApiToken,
            String notionDatabaseId, CredentialCipher cipher) {
        call(h -> h.createUpdate("""
                INSERT INTO credentials (user_id, google_oauth_token, notion_api_token, notion_database_id)
                VALUES (:user, :google, :notion, :database)
                ON CONFLICT (user_id) DO UPDATE
                   SET google_oauth_token = excluded.google_oauth_token,
                       notion_api_token = excluded.notion_api_token,
                       notion_database_id = excluded.notion_database_id,
                       updated_at = now()""")
                .bind("user", userId)
                .bind("google", cipher.encrypt(googleOauthToken, userId + "/google_oauth_token"))
                .bind("notion", cipher.encrypt(notionApiToken, userId + "/notion_api_token"))
                .bind("database", notionDatabaseId).execute());
    }

    /** A user's tokens, decrypted with {@code cipher}; empty when none are stored. */
    public Optional<Credentials> getCredentials(String userId, CredentialCipher cipher) {
        return call(h -> h.createQuery("SELECT * FROM credentials WHERE user_id = :user").bind("user", userId)
                .map((rs, ctx) -> new Credentials(userId,
                        cipher.decrypt(rs.getString("google_oauth_token"), userId + "/google_oauth_token"),
                        cipher.decrypt(rs.getString("notion_api_token"), userId + "/notion_api_token"),
                        rs.getString("notion_database_id")))
                .findOne());
    }

    /** Deletes a user's credentials; false when there were none. */
    public boolean deleteCredentials(String userId) {
        return call(h -> h.createUpdate("DELETE FROM credentials WHERE user_id = :user").bind("user", userId)
                .execute()) > 0;
    }

    // ---- sync jobs

    /** A new job in status {@code queued}. */
    public SyncJob createSyncJob(UUID jobId, String userId, boolean fullSync) {
        return call(h -> h.createQuery("INSERT INTO sync_jobs (job_id, user_id, full_sync) VALUES (:job, :user, :full)"
                + " RETURNING " + JOB_COLUMNS)
                .bind("job", jobId).bind("user", userId).bind("full", fullSync).map(KeepSyncDatabase::syncJob).one());
    }

    /** The job, if it exists. */
    public Optional<SyncJob> getSyncJob(UUID jobId) {
        return call(h -> h.createQuery("SELECT " + JOB_COLUMNS + " FROM sync_jobs WHERE job_id = :job")
                .bind("job", jobId).map(KeepSyncDatabase::syncJob).findOne());
    }

    /** A page of a user's jobs, newest first. */
    public List<SyncJob> getSyncJobsByUser(String userId, int limit, int offset) {
        return call(h -> h.createQuery("SELECT " + JOB_COLUMNS + " FROM sync_jobs WHERE user_id = :user"
                + " ORDER BY created_at DESC, job_id LIMIT :limit OFFSET :offset")
                .bind("user", userId).bind("limit", limit).bind("offset", offset)
                .map(KeepSyncDatabase::syncJob).list());
    }

    /**
     * Moves a job from one status to the next ({@code queued → running}, {@code running → completed|failed}),
     * setting {@code completed_at} on the last two. A job not in {@code from} is refused: two workers cannot both
     * start the same job.
     */
    public SyncJob updateSyncJob(UUID jobId, JobStatus from, JobStatus to, String errorMessage) {
        if (!allowed(from, to)) {
            throw new IllegalArgumentException("A sync job cannot go from " + from.value() + " to " + to.value());
        }
        boolean done = to == JobStatus.COMPLETED || to == JobStatus.FAILED;
        return call(h -> h.createQuery("UPDATE sync_jobs SET status = :to, error_message = :error,"
                + " completed_at = CASE WHEN :done THEN now() END"
                + " WHERE job_id = :job AND status = :from RETURNING " + JOB_COLUMNS)
                .bind("to", to.value()).bind("from", from.value()).bind("error", errorMessage).bind("done", done)
                .bind("job", jobId).map(KeepSyncDatabase::syncJob).findOne())
                .orElseThrow(() -> new IllegalStateException("Sync job " + jobId + " is "
                        + getSyncJob(jobId).map(j -> j.status().value()).orElse("missing") + ", not " + from.value()
                        + ": it cannot go to " + to.value()));
    }

    /** Sets the number of notes the job will process. */
    public SyncJob setTotalNotes(UUID jobId, int totalNotes) {
        return call(h -> h.createQuery("UPDATE sync_jobs SET total_notes = :total WHERE job_id = :job RETURNING "
                + JOB_COLUMNS).bind("total", totalNotes).bind("job", jobId).map(KeepSyncDatabase::syncJob).findOne())
                .orElseThrow(() -> new NoSuchElementException("No sync job " + jobId));
    }

    /** Adds to the job's counters in the database (no read-modify-write, so concurrent workers add up). */
    public SyncJob incrementSyncJobProgress(UUID jobId, int processed, int failed) {
        return call(h -> h.createQuery("UPDATE sync_jobs SET processed_notes = processed_notes + :processed,"
                + " failed_notes = failed_notes + :failed WHERE job_id = :job RETURNING " + JOB_COLUMNS)
                .bind("processed", processed).bind("failed", failed).bind("job", jobId)
                .map(KeepSyncDatabase::syncJob).findOne())
                .orElseThrow(() -> new NoSuchElementException("No sync job " + jobId));
    }

    // ---- sync logs

    /** Adds a message to the job's log ({@code keepNoteId} may be null). */
    public void addSyncLog(UUID jobId, SyncLog.Level level, String message, String keepNoteId) {
        call(h -> h.createUpdate("INSERT INTO sync_logs (job_id, level, message, keep_note_id)"
                + " VALUES (:job, :level, :message, :note)")
                .bind("job", jobId).bind("level", level.name()).bind("message", message).bind("note", keepNoteId)
                .execute());
    }

    /** The job's newest {@code limit} messages, newest first. */
    public List<SyncLog> getSyncLogs(UUID jobId, int limit) {
        return call(h -> h.createQuery("SELECT * FROM sync_logs WHERE job_id = :job ORDER BY id DESC LIMIT :limit")
                .bind("job", jobId).bind("limit", limit).map(KeepSyncDatabase::syncLog).list());
    }

    // ---- the admin screen's job history

    /**
     * A user's newest jobs with their number of warnings and errors, in one query. (The first version read the
     * jobs, then counted each job's problems in a query of its own: see {@link #jobHistoryOneQueryPerJob}.)
     */
    public List<JobHistoryEntry> jobHistory(String userId, int limit) {
        return call(h -> h.createQuery("SELECT j.job_id, j.user_id, j.status, j.full_sync, j.total_notes,"
                + " j.processed_notes, j.failed_notes, j.error_message, j.created_at, j.completed_at,"
                + " count(l.id) AS problems"
                + " FROM (SELECT * FROM sync_jobs WHERE user_id = :user ORDER BY created_at DESC, job_id LIMIT :limit) j"
                + " LEFT JOIN sync_logs l ON l.job_id = j.job_id AND l.level IN ('WARNING', 'ERROR')"
                + " GROUP BY j.job_id, j.user_id, j.status, j.full_sync, j.total_notes, j.processed_notes,"
                + " j.failed_notes, j.error_message, j.created_at, j.completed_at"
                + " ORDER BY j.created_at DESC, j.job_id")
                .bind("user", userId).bind("limit", limit)
                .map((rs, ctx) -> new JobHistoryEntry(syncJob(rs, ctx), rs.getInt("problems"))).list());
    }

    /**
     * The job history as first written: one query for the jobs, then one per job (an N+1 the query logger finds;
     * kept to show it, use {@link #jobHistory}).
     */
    public List<JobHistoryEntry> jobHistoryOneQueryPerJob(String userId, int limit) {
        List<JobHistoryEntry> history = new ArrayList<>();
        for (SyncJob job : getSyncJobsByUser(userId, limit, 0)) {
            int problems = call(h -> h.createQuery("SELECT count(*) FROM sync_logs WHERE job_id = :job"
                    + " AND level IN ('WARNING', 'ERROR')").bind("job", job.jobId()).mapTo(Integer.class).one());
            history.add(new JobHistoryEntry(job, problems));
        }
        return history;
    }

    // ---- the support tool

    /** The sync record of a Notion page, for support ("whose page is this?"); no index serves it. */
    public Optional<SyncState> findByNotionPage(String notionPageId) {
        return call(h -> h.createQuery("SELECT * FROM sync_state WHERE notion_page_id = :page")
                .bind("page", notionPageId).map(KeepSyncDatabase::syncState).findFirst());
    }

    /** The newest log messages of all jobs containing {@code text} (case-insensitive), for support. */
    public List<SyncLog> searchLogs(String text, int limit) {
        return call(h -> h.createQuery("SELECT * FROM sync_logs WHERE message ILIKE '%' || :text || '%'"
                + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("text", text).bind("limit", limit).map(KeepSyncDatabase::syncLog).list());
    }

    /** Jobs per status, for the dashboard. */
    public Map<JobStatus, Integer> jobsByStatus() {
        return call(h -> {
            Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
            h.createQuery("SELECT status, count(*)::int AS jobs FROM sync_jobs GROUP BY status")
                    .map((rs, ctx) -> Map.entry(JobStatus.of(rs.getString("status")), rs.getInt("jobs")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    private static boolean allowed(JobStatus from, JobStatus to) {
        return (from == JobStatus.QUEUED && (to == JobStatus.RUNNING || to == JobStatus.FAILED))
                || (from == JobStatus.RUNNING && (to == JobStatus.COMPLETED || to == JobStatus.FAILED));
    }

    private <T> T call(HandleCallback<T, RuntimeException> work) {
        return handle != null ? work.withHandle(handle) : jdbi.withHandle(work);
    }

    private static SyncJob syncJob(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SyncJob(rs.getObject("job_id", UUID.class), rs.getString("user_id"),
                JobStatus.of(rs.getString("status")), rs.getBoolean("full_sync"), rs.getInt("total_notes"),
                rs.getInt("processed_notes"), rs.getInt("failed_notes"), rs.getString("error_message"),
                instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    private static SyncState syncState(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SyncState(rs.getLong("id"), rs.getString("user_id"), rs.getString("keep_note_id"),
                rs.getString("notion_page_id"), instant(rs, "last_synced_at"), instant(rs, "keep_modified_at"));
    }

    private static SyncLog syncLog(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SyncLog(rs.getLong("id"), rs.getObject("job_id", UUID.class), rs.getString("keep_note_id"),
                SyncLog.Level.valueOf(rs.getString("level")), rs.getString("message"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package dev.pgtestkit.core.tx.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What one of pgtestkit's multi-statement calls on the pinned session read, told apart by the first column. */
final class BatchResults {

    final OtherSessions others = new OtherSessions();
    final List<String> prepared = new ArrayList<>();
    /** Whether the commit check's signature was read (see SessionSql.SIGNATURE); then {@link #written} etc. hold. */
    boolean signed;
    /** Rows the database's statistics say were written, rolled back or not (see SessionSql.SIGNATURE). */
    long written;
    /** Sessions that ever connected to the database (see SessionSql.SIGNATURE). */
    long sessions;
    /** The server's clock at the reading, as text. */
    String at;
    /** The OID of the database the signature was read for. */
    long database;
    /** Whether the counts were read (a full reading) rather than taken over from an earlier one (see CommitWatch). */
    boolean full;
    /** Rows written by committed transactions in the database's tables (see SessionSql.COMMITS); -1: not known. */
    long commits = -1;
    /** Client sessions on the database other than pgtestkit's when the counts were read: they may still owe them commits (see SessionSql.OTHERS). */
    Set<Integer> unsettled = Set.of();
    /** How often the database's tables were analyzed (each analysis resets a table's count of committed rows). */
    long analyses;

    /** Whether the batch read anything of the commit check. */
    boolean commitCheckRead() {
        return signed || full;
    }

    /** Takes over another reading of the commit check (a later one of the same window's end or start). */
    void commitReading(BatchResults other) {
        signed = other.signed;
        written = other.written;
        sessions = other.sessions;
        at = other.at;
        database = other.database;
        full = other.full;
        commits = other.commits;
        unsettled = other.unsettled;
        analyses = other.analyses;
    }

    /** Executes the prepared batch and reads every result set it returns. */
    static BatchResults run(Statement statement) throws SQLException {
        BatchResults results = new BatchResults();
        boolean isResultSet = ((PreparedStatement) statement).execute();
        while (isResultSet || statement.getUpdateCount() != -1) {
            if (isResultSet) {
                results.read(statement.getResultSet());
            }
            isResultSet = statement.getMoreResults();
        }
        return results;
    }

    private void read(ResultSet rows) throws SQLException {
        String label = rows.getMetaData().getColumnLabel(1);
        if (SessionSql.OTHER_SESSIONS_LABEL.equals(label)) {
            others.read(rows);
            return;
        }
        try (rows) {
            while (rows.next()) {
                if (SessionSql.PREPARED_LABEL.equals(label)) {
                    prepared.add(rows.getString(1));
                } else if (SessionSql.SIGNATURE_LABEL.equals(label)) {
                    signed = true;
                    written = rows.getLong(1);
                    sessions = rows.getLong(2);
                    at = rows.getString(3);
                    database = rows.getLong(4);
                } else if (SessionSql.OTHERS_LABEL.equals(label)) {
                    Set<Integer> pids = new TreeSet<>();
                    for (Object pid : (Object[]) rows.getArray(1).getArray()) {
                        pids.add(((Number) pid).intValue());
                    }
                    unsettled = pids;
                } else if (SessionSql.COMMITS_LABEL.equals(label)) {
                    full = true;
                    commits = rows.getLong(1);
                    analyses = rows.getLong(2);
                }
            }
        }
    }
}

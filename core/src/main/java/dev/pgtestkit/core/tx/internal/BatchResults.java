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
    /** Rows written by committed transactions in the database's tables (see SessionSql.COMMITS); -1: not read. */
    long commits = -1;
    String at;
    /** Client sessions on the database other than pgtestkit's when the counter was read: they may still owe it commits (see SessionSql.COMMITS). */
    Set<Integer> unsettled = Set.of();
    /** How often the database's tables were analyzed (each analysis resets a table's count of committed rows). */
    long analyses;

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
                } else if (SessionSql.COMMITS_LABEL.equals(label)) {
                    commits = rows.getLong(1);
                    at = rows.getString(2);
                    Set<Integer> pids = new TreeSet<>();
                    for (Object pid : (Object[]) rows.getArray(3).getArray()) {
                        pids.add(((Number) pid).intValue());
                    }
                    unsettled = pids;
                    analyses = rows.getLong(4);
                }
            }
        }
    }
}

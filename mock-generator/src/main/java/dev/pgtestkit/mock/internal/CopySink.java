package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.mock.CopyFormat;
import dev.pgtestkit.mock.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/** Streams each table's chunks into {@code COPY ... FROM STDIN} on the loading connection. */
final class CopySink implements ChunkSink {

    private final CopyManager copy;
    private final CopyFormat format;
    private final ProgressListener progress;
    private final ResultCollector results;
    private CopyIn current;
    private long done;

    CopySink(Connection connection, CopyFormat format, ProgressListener progress, ResultCollector results) {
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw JdbcDatabaseState.failure("opening the COPY API (is this a PgJDBC connection?)", e);
        }
        this.format = format;
        this.progress = progress;
        this.results = results;
    }

    static String copySql(TableGenerator g, CopyFormat format) {
        String columns = g.columnNames().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        return "COPY " + g.table().name().quoted() + " (" + columns + ") FROM STDIN"
                + (format == CopyFormat.CSV ? " WITH (FORMAT csv)" : "");
    }

    @Override
    public void startTable(TableGenerator g) {
        results.start(g);
        done = 0;
        if (g.rows() == 0) {
            return;
        }
        try {
            current = copy.copyIn(copySql(g, format));
        } catch (SQLException e) {
            throw Failures.of("starting COPY into " + g.table().name(), e);
        }
    }

    @Override
    public void chunk(TableGenerator g, Chunk chunk) {
        try {
            current.writeToCopy(chunk.data(), 0, chunk.data().length);
        } catch (SQLException e) {
            cancel();
            throw Failures.of("loading rows into " + g.table().name(), e);
        }
        done += chunk.rows();
        results.chunk(g, chunk);
        progress.onProgress(g.table().name(), done, g.rows());
    }

    @Override
    public void endTable(TableGenerator g) {
        if (current != null) {
            try {
                current.endCopy();
            } catch (SQLException e) {
                throw Failures.of("loading rows into " + g.table().name(), e);
            } finally {
                current = null;
            }
        }
        results.end(g);
    }

    /** Abandons a COPY in progress (after a failure), so the connection can roll back. */
    void cancel() {
        if (current != null && current.isActive()) {
            try {
                current.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back next; the original failure is what matters
            }
        }
        current = null;
    }
}

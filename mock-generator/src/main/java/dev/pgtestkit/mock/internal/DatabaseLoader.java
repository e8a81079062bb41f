package dev.pgtestkit.mock.internal;

import dev.pgtestkit.core.schema.ForeignKey;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.sql.Identifiers;
import dev.pgtestkit.mock.CopyFormat;
import dev.pgtestkit.mock.GenerationResult;
import dev.pgtestkit.mock.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Loads a compiled plan in the caller's transaction: deferrable cycle edges deferred, optionally every foreign
 * key of the plan's tables dropped and re-added (re-adding validates all rows at once), rows streamed with COPY
 * while later chunks are generated, NULL-first cycle edges filled by UPDATE, sequences advanced.
 */
public final class DatabaseLoader {

    /**
     * How the load runs.
     *
     * @param format            COPY format
     * @param threads           generator threads
     * @param chunkRows         rows per chunk
     * @param deferForeignKeys  drop the plan tables' foreign keys during the load and re-add them after
     */
    public record Settings(CopyFormat format, int threads, int chunkRows, boolean deferForeignKeys) {
    }

    private DatabaseLoader() {
    }

    /** Loads {@code plan} through {@code connection} (auto-commit off; the caller commits or rolls back). */
    public static GenerationResult load(CompiledPlan plan, Connection connection, DataSource verification,
                                        Settings settings, ProgressListener progress) {
        long started = System.nanoTime();
        ResultCollector results;
        List<ForeignKeyDeferral.Dropped> dropped;
        try (ConnectionSource helpers = new ConnectionSource(verification)) {
            ServerVerifier verifier = new ServerVerifier(helpers);
            results = new ResultCollector(verifier::regenerated);
            probe(plan, verifier);
            dropped = settings.deferForeignKeys() ? ForeignKeyDeferral.drop(connection, plan) : List.of();
            if (!settings.deferForeignKeys()) {
                deferCycleEdges(connection, plan);
            }
            ChunkProducer producer = new ChunkProducer(settings.format(), verifier, plan.keepRows(), true);
            CopySink sink = new CopySink(connection, settings.format(), progress, results);
            try {
                new ChunkPipeline(plan, producer, settings.threads(), settings.chunkRows()).run(sink);
            } catch (RuntimeException e) {
                sink.cancel();
                throw e;
            }
        }
        for (TableGenerator g : plan.tables()) {
            Backfiller.run(connection, g, results.backfills(g));
            SequenceAdvancer.advance(connection, g);
        }
        ForeignKeyDeferral.restore(connection, dropped);
        return new GenerationResult(results.tables(), name -> generator(plan, name).keys(), results.kept(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Has the server verify the first rows of every table with checks only it can evaluate, so a check no
     * generated row can meet is reported before anything is written.
     */
    private static void probe(CompiledPlan plan, ServerVerifier verifier) {
        for (TableGenerator g : plan.tables()) {
            if (!g.extras().serverChecks().isEmpty() && g.rows() > 0) {
                RowBuffer buffer = g.newBuffer();
                Rng rng = new Rng();
                List<Object[]> rows = new ArrayList<>();
                for (long i = 0; i < Math.min(8, g.rows()); i++) {
                    rows.add(g.generate(i, buffer, rng, 0).clone());
                }
                verifier.probe(g, rows);
            }
        }
    }

    static TableGenerator generator(CompiledPlan plan, QualifiedName name) {
        return plan.tables().stream().filter(g -> g.table().name().equals(name)).findFirst().orElseThrow();
    }

    /** Deferrable foreign keys closing a cycle are checked at commit, when both sides are loaded. */
    private static void deferCycleEdges(Connection connection, CompiledPlan plan) {
        for (TableGenerator g : plan.tables()) {
            for (ForeignKey fk : g.extras().deferred()) {
                execute(connection, "SET CONSTRAINTS " + Identifiers.quote(fk.table().schema()) + "."
                        + Identifiers.quote(fk.name()) + " DEFERRED", "deferring " + fk.name());
            }
        }
    }

    static void execute(Connection connection, String sql, String what) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw Failures.of(what, e);
        }
    }
}

package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.CopyFormat;
import dev.pgtestkit.mock.internal.TableExtras.Backfill;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates and encodes one chunk of a table's rows. Rows the server must verify (checks the generator cannot
 * evaluate) are verified here, before encoding, and regenerated until they pass. Thread-safe: all state is
 * per call.
 */
final class ChunkProducer {

    private final CopyFormat format;
    private final ServerVerifier verifier;
    private final boolean keepRows;
    private final boolean maskBackfills;

    /**
     * @param verifier      verifies server-only checks, or {@code null} when there is no database
     * @param keepRows      attach copies of the rows to the chunk
     * @param maskBackfills encode cycle foreign keys filled in later by UPDATE as NULL (for COPY)
     */
    ChunkProducer(CopyFormat format, ServerVerifier verifier, boolean keepRows, boolean maskBackfills) {
        this.format = format;
        this.verifier = verifier;
        this.keepRows = keepRows;
        this.maskBackfills = maskBackfills;
    }

    Chunk produce(int tableIndex, TableGenerator g, long from, int count) {
        RowBuffer buffer = g.newBuffer();
        Rng rng = new Rng();
        boolean verify = verifier != null && !g.extras().serverChecks().isEmpty();
        List<Object[]> copies = keepRows || verify ? new ArrayList<>(count) : null;
        StringBuilder out = new StringBuilder(count * 80);
        RowEncoder encoder = new RowEncoder(format);
        boolean[] asNull = maskBackfills ? backfillMask(g) : null;
        List<List<Object[]>> backfills = new ArrayList<>();
        g.extras().backfills().forEach(b -> backfills.add(new ArrayList<>()));
        for (long i = from; i < from + count; i++) {
            Object[] row = g.generate(i, buffer, rng, 0);
            if (copies != null) {
                copies.add(row.clone());
            } else {
                encoder.append(out, row, asNull);
                collectBackfills(g, row, backfills);
            }
        }
        if (copies != null) {
            if (verify) {
                verifier.verify(g, from, copies);
            }
            for (Object[] row : copies) {
                encoder.append(out, row, asNull);
                collectBackfills(g, row, backfills);
            }
        }
        return new Chunk(tableIndex, from, count, out.toString().getBytes(StandardCharsets.UTF_8), backfills,
                keepRows ? copies : null);
    }

    private static boolean[] backfillMask(TableGenerator g) {
        if (g.extras().backfills().isEmpty()) {
            return null;
        }
        boolean[] mask = new boolean[g.columns().size()];
        for (Backfill b : g.extras().backfills()) {
            for (int p : b.positions()) {
                mask[p] = true;
            }
        }
        return mask;
    }

    private static void collectBackfills(TableGenerator g, Object[] row, List<List<Object[]>> out) {
        int[] key = g.extras().keyColumns();
        for (int k = 0; k < g.extras().backfills().size(); k++) {
            int[] fk = g.extras().backfills().get(k).positions();
            if (key.length == 0 || row[fk[0]] == null) {
                continue;
            }
            Object[] pair = new Object[key.length + fk.length];
            for (int j = 0; j < key.length; j++) {
                pair[j] = row[key[j]];
            }
            for (int j = 0; j < fk.length; j++) {
                pair[key.length + j] = row[fk[j]];
            }
            out.get(k).add(pair);
        }
    }
}

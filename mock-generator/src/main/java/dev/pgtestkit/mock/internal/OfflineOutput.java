package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.CopyFormat;
import dev.pgtestkit.mock.GeneratedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Rows without a database: a lazy stream, CSV files, a SQL script. Checks only the server can evaluate are not
 * verified here (there is no server); foreign keys that close a cycle carry their final values in the stream and
 * CSV files, and are set by UPDATE after the inserts in the SQL script.
 */
public final class OfflineOutput {

    private OfflineOutput() {
    }

    /** Parents first; each table's rows in index order. */
    public static Stream<GeneratedRow> stream(CompiledPlan plan) {
        return plan.tables().stream().flatMap(OfflineOutput::rows);
    }

    private static Stream<GeneratedRow> rows(TableGenerator g) {
        RowBuffer buffer = g.newBuffer();
        Rng rng = new Rng();
        List<String> names = g.columnNames();
        return LongStream.range(0, g.rows()).mapToObj(i ->
                new GeneratedRow(g.table().name(), i, names, Arrays.asList(g.generate(i, buffer, rng, 0))));
    }

    public static void writeCsv(CompiledPlan plan, Path directory, int threads, int chunkRows) {
        ChunkProducer producer = new ChunkProducer(CopyFormat.CSV, null, false, false);
        new ChunkPipeline(plan, producer, threads, chunkRows).run(new CsvFileSink(directory));
    }

    public static void writeSql(CompiledPlan plan, Path file, int threads, int chunkRows) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SqlFileSink sink = new SqlFileSink(out, plan);
                new ChunkPipeline(plan, new ChunkProducer(CopyFormat.TEXT, null, true, false), threads, chunkRows)
                        .run(sink);
                sink.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

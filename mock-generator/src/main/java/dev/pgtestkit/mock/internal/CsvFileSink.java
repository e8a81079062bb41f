package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.GenerationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Writes each table to {@code <schema>.<table>.csv} in a directory: a header line, then the rows as Postgres'
 * CSV ({@code COPY ... FROM '<file>' WITH (FORMAT csv, HEADER)} reads them back).
 */
final class CsvFileSink implements ChunkSink {

    private final Path directory;
    private OutputStream out;

    CsvFileSink(Path directory) {
        this.directory = directory;
    }

    static String fileName(TableGenerator g) {
        return g.table().schema() + "." + g.table().simpleName() + ".csv";
    }

    @Override
    public void startTable(TableGenerator g) {
        try {
            Files.createDirectories(directory);
            out = Files.newOutputStream(directory.resolve(fileName(g)));
            String header = g.columnNames().stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"")
                    .collect(Collectors.joining(","));
            out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure(g, e);
        }
    }

    @Override
    public void chunk(TableGenerator g, Chunk chunk) {
        try {
            out.write(chunk.data());
        } catch (IOException e) {
            throw failure(g, e);
        }
    }

    @Override
    public void endTable(TableGenerator g) {
        try {
            out.close();
        } catch (IOException e) {
            throw failure(g, e);
        }
    }

    private GenerationException failure(TableGenerator g, IOException e) {
        UncheckedIOException cause = new UncheckedIOException(e);
        GenerationException ex = new GenerationException("Cannot write " + directory.resolve(fileName(g)) + ": "
                + e.getMessage() + ". Check that the directory is writable.", g.table().schema(),
                g.table().simpleName(), null, null);
        ex.initCause(cause);
        return ex;
    }
}

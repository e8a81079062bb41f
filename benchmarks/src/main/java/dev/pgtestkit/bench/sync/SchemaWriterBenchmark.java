package dev.pgtestkit.bench.sync;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.bench.registry.WideSchema;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.sync.internal.schema.CatalogSchemaWriter;
import dev.pgtestkit.sync.internal.schema.PgDumpSchemaWriter;
import dev.pgtestkit.sync.internal.schema.SchemaWriter.SchemaScripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Writing the schema scripts of a 1,000-table schema: the built-in writer (a fixed number of catalog queries on the
 * snapshot connection) against {@code pg_dump -s} of the same database, same run, rounds alternating which goes
 * first. Needs a pg_dump matching the server (the machine's PostgreSQL 15 with PGTESTKIT_URL).
 *
 * <pre>PGTESTKIT_URL=... ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.sync.SchemaWriterBenchmark</pre>
 *
 * Optional arguments: table count (default 1000), measured rounds (default 7).
 */
public final class SchemaWriterBenchmark {

    private static final int WARM_UP = 2;

    private SchemaWriterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        PostgresServer server = PostgresProvider.auto().shared();
        System.out.println("server: " + server.description());
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            WideSchema.create(c, tables);
            List<String> pgDump = List.of(PgDumpSchemaWriter.onPath().toString(), "-s", "--no-owner",
                    "--no-privileges", "--host=" + host(db), "--port=" + port(db), "--username=" + c.getMetaData()
                            .getUserName(), "--dbname=" + db.name(), "--no-password");
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            SchemaScripts scripts = new CatalogSchemaWriter().write(c, t -> true);
            c.rollback();
            System.out.printf("built-in: %,d + %,d bytes; pg_dump -s: %,d bytes%n", scripts.preData().length(),
                    scripts.postData().length(), pgDump(pgDump).length());
            long[] builtIn = new long[rounds];
            long[] dump = new long[rounds];
            for (int i = -WARM_UP; i < rounds; i++) {
                long a;
                long b;
                if (Math.floorMod(i, 2) == 0) {
                    a = timeBuiltIn(c);
                    b = timePgDump(pgDump);
                } else {
                    b = timePgDump(pgDump);
                    a = timeBuiltIn(c);
                }
                if (i >= 0) {
                    builtIn[i] = a;
                    dump[i] = b;
                }
            }
            report("built-in writer", builtIn);
            report("pg_dump -s", dump);
            System.out.printf("ratio of medians (pg_dump / built-in): %.2f%n", Stats.median(dump) / Stats.median(builtIn));
        }
    }

    private static long timeBuiltIn(Connection c) throws SQLException {
        long start = System.nanoTime();
        new CatalogSchemaWriter().write(c, t -> true);
        long time = System.nanoTime() - start;
        c.rollback();
        return time;
    }

    private static long timePgDump(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        pgDump(command);
        return System.nanoTime() - start;
    }

    private static String pgDump(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pg_dump failed: " + command);
        }
        return output;
    }

    private static void report(String name, long[] samples) {
        System.out.printf("%-16s median %.1f ms, mean %.1f ms, p95 %.1f ms (min %.1f, max %.1f)%n", name,
                Stats.ms(Stats.median(samples)), Stats.ms(Arrays.stream(samples).average().orElse(0)),
                Stats.ms(Stats.percentile(samples, 95)), Stats.ms(Arrays.stream(samples).min().orElse(0)),
                Stats.ms(Arrays.stream(samples).max().orElse(0)));
    }

    private static String host(DisposableDatabase db) {
        return db.jdbcUrl().replaceFirst("^jdbc:postgresql://([^/:]+).*$", "$1");
    }

    private static String port(DisposableDatabase db) {
        return db.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/:]+:(\\d+)/.*$", "$1");
    }
}

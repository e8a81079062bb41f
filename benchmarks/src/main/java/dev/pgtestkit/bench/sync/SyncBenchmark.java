package dev.pgtestkit.bench.sync;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.Dumper;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.Restorer;
import dev.pgtestkit.sync.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * db-sync's dump and restore against {@code pg_dump -Fd -j 2} (gzip, its default), {@code pg_dump -Fd -j 2 -Z0} (no
 * compression, like db-sync) and {@code pg_restore -j 2 -d} of each, on the same server, in the same run, rotating
 * which goes first from round to round. The database is made by the mock generator ({@code -Dbench.rows}
 * parent rows; children follow). Restore times include db-sync's verification and swap; {@code pg_restore}'s include
 * creating its empty target.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.pgtestkit.bench.sync.SyncBenchmark -Dbench.rows=200000
 * </pre>
 */
public final class SyncBenchmark {

    private static final String URL = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("bench.user", "postgres");
    private static final String HOST = "127.0.0.1";
    private static final String SOURCE = "syncbench_src";
    private static final String SCHEMA = """
            CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(120) NOT NULL UNIQUE,
                full_name text NOT NULL, phone text, country char(2) NOT NULL, created_at timestamptz NOT NULL,
                notes text);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers,
                status text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')), total numeric(10,2) NOT NULL,
                placed_at timestamptz NOT NULL, shipping_address text);
            CREATE INDEX orders_customer ON orders (customer_id);
            CREATE TABLE events (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders,
                kind text NOT NULL, payload jsonb, at timestamptz NOT NULL);
            CREATE INDEX events_order ON events (order_id, at);
            """;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long parents = Long.getLong("bench.rows", 50_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        PgDatabase admin = PgDatabase.of(URL, USER, null);
        PgDatabase source = admin.sibling(SOURCE);
        Path work = Files.createTempDirectory("pgtestkit-sync-bench");
        try {
            if (!Boolean.getBoolean("bench.reuse") || !exists(admin, SOURCE)) {
                create(admin, source, parents);
            }
            long size = Long.parseLong(query(admin, "SELECT pg_database_size('" + SOURCE + "')"));
            System.out.printf(Locale.ROOT, "source %s: %.1f MB (pg_database_size), %s rows%n", SOURCE, mb(size),
                    query(source, "SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders)"
                            + " + (SELECT count(*) FROM events)"));
            long[] ours = new long[rounds];
            long[] theirs = new long[rounds];
            long[] theirsZ0 = new long[rounds];
            long[] oursRestore = new long[rounds];
            long[] theirsRestore = new long[rounds];
            long[] theirsRestoreZ0 = new long[rounds];
            long[] verify = new long[rounds];
            long oursBytes = 0;
            long theirsBytes = 0;
            long theirsZ0Bytes = 0;
            for (int r = 0; r < rounds; r++) {
                Path a = work.resolve("pgtestkit-" + r);
                Path b = work.resolve("pgdump-" + r);
                Path z = work.resolve("pgdump-z0-" + r);
                int round = r;
                List<Work> dumps = List.of(
                        () -> ours[round] = time(() -> Dumper.dump(source, a, DumpOptions.builder().jobs(2).build())),
                        () -> theirs[round] = time(() -> run("pg_dump", "-h", HOST, "-U", USER, "-Fd", "-j", "2",
                                "-f", b.toString(), SOURCE)),
                        () -> theirsZ0[round] = time(() -> run("pg_dump", "-h", HOST, "-U", USER, "-Fd", "-j", "2",
                                "-Z0", "-f", z.toString(), SOURCE)));
                rotated(dumps, r);
                oursBytes = du(a);
                theirsBytes = du(b);
                theirsZ0Bytes = du(z);
                String t1 = "syncbench_r1";
                String t2 = "syncbench_r2";
                String t3 = "syncbench_r3";
                List<Work> restores = List.of(
                        () -> oursRestore[round] = time(() -> Restorer.restore(a, admin.sibling(t1),
                                RestoreOptions.builder().jobs(2).build())),
                        () -> theirsRestore[round] = time(() -> {
                            execute(admin, "CREATE DATABASE " + t2);
                            run("pg_restore", "-h", HOST, "-U", USER, "-j", "2", "-d", t2, b.toString());
                        }),
                        () -> theirsRestoreZ0[round] = time(() -> {
                            execute(admin, "CREATE DATABASE " + t3);
                            run("pg_restore", "-h", HOST, "-U", USER, "-j", "2", "-d", t3, z.toString());
                        }));
                rotated(restores, r);
                verify[r] = time(() -> Verifier.verify(a, admin.sibling(t1)));
                for (String t : List.of(t1, t2, t3)) {
                    execute(admin, "DROP DATABASE IF EXISTS " + t);
                }
                delete(a);
                delete(b);
                delete(z);
                System.out.printf(Locale.ROOT, "round %d (order: %s): dump %.0f / %.0f / %.0f ms (-Z0), restore %.0f /"
                        + " %.0f / %.0f ms (-Z0), verify %.0f ms; load %s%n", r + 1, order(r), Stats.ms(ours[r]),
                        Stats.ms(theirs[r]), Stats.ms(theirsZ0[r]), Stats.ms(oursRestore[r]),
                        Stats.ms(theirsRestore[r]), Stats.ms(theirsRestoreZ0[r]), Stats.ms(verify[r]), load());
            }
            report("dump", size, ours, theirs, "pg_dump -Fd -j 2");
            report("dump", size, ours, theirsZ0, "pg_dump -Fd -j 2 -Z0");
            report("restore", size, oursRestore, theirsRestore, "pg_restore -j 2 (of the gzip dump)");
            report("restore", size, oursRestore, theirsRestoreZ0, "pg_restore -j 2 (of the -Z0 dump)");
            System.out.printf(Locale.ROOT, "verify(dir, db): median %.0f ms, mean %.0f ms, p95 %.0f ms%n",
                    Stats.ms(Stats.median(verify)), Stats.ms(mean(verify)), Stats.ms(Stats.percentile(verify, 95)));
            System.out.printf(Locale.ROOT, "dump size: db-sync %.1f MB, pg_dump -Fd %.1f MB (%.2fx), pg_dump -Fd -Z0"
                    + " %.1f MB (%.2fx)%n", mb(oursBytes), mb(theirsBytes), (double) oursBytes / theirsBytes,
                    mb(theirsZ0Bytes), (double) oursBytes / theirsZ0Bytes);
        } finally {
            delete(work);
            if (!Boolean.getBoolean("bench.keep")) {
                execute(admin, "DROP DATABASE IF EXISTS " + SOURCE);
            }
        }
    }

    private static void create(PgDatabase admin, PgDatabase source, long parents) throws SQLException {
        execute(admin, "DROP DATABASE IF EXISTS " + SOURCE);
        execute(admin, "CREATE DATABASE " + SOURCE);
        execute(source, SCHEMA);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(source.jdbcUrl());
        ds.setUser(USER);
        long start = System.nanoTime();
        MockDataGenerator.builder(ds).seed(1).threads(2).build().generate(GenerationPlan.builder()
                .table("customers", parents).table("orders", parents * 3).table("events", parents * 6).build());
        execute(source, "VACUUM ANALYZE");
        System.out.printf(Locale.ROOT, "generated in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void report(String what, long size, long[] ours, long[] theirs, String baseline) {
        System.out.printf(Locale.ROOT, "%s: db-sync median %.0f ms (%.1f MB/s), mean %.0f, p95 %.0f | %s median %.0f ms"
                + " (%.1f MB/s), mean %.0f, p95 %.0f | throughput ratio %.2fx%n", what, Stats.ms(Stats.median(ours)),
                mb(size) / (Stats.median(ours) / 1e9), Stats.ms(mean(ours)), Stats.ms(Stats.percentile(ours, 95)),
                baseline, Stats.ms(Stats.median(theirs)), mb(size) / (Stats.median(theirs) / 1e9),
                Stats.ms(mean(theirs)), Stats.ms(Stats.percentile(theirs, 95)),
                Stats.median(theirs) / Stats.median(ours));
    }

    /** Runs the works starting with the round's one (db-sync, pg_dump, pg_dump -Z0; then the next round shifts). */
    private static void rotated(List<Work> works, int round) throws Exception {
        for (int i = 0; i < works.size(); i++) {
            works.get((i + round) % works.size()).run();
        }
    }

    private static String order(int round) {
        List<String> names = List.of("db-sync", "pg gzip", "pg -Z0");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get((i + round) % names.size()));
        }
        return text.toString();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        System.gc();
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
    }

    private static double mean(long[] samples) {
        return java.util.Arrays.stream(samples).average().orElse(0);
    }

    private static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }

    private static boolean exists(PgDatabase admin, String name) throws SQLException {
        return query(admin, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'").equals("1");
    }

    private static String query(PgDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(PgDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long du(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            Files.delete(p);
        }
    }
}

package dev.pgtestkit.bench.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The migrations of the benchmark, written to a temporary directory: a {@code jobs} table for the test body and
 * {@value #TABLES} application-like tables (keys, foreign keys to the previous table, a unique constraint, a check,
 * an index) spread over {@value #VERSIONS} Flyway versions.
 */
final class BenchSchema {

    static final int TABLES = 24;
    static final int VERSIONS = 6;

    private BenchSchema() {
    }

    static Path write(int tables, int versions) throws IOException {
        Path dir = Files.createTempDirectory("pgtestkit-bench-junit");
        Files.writeString(dir.resolve("V1__jobs.sql"), "CREATE TABLE jobs (id bigserial PRIMARY KEY, user_id text "
                + "NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n");
        int perVersion = Math.max(1, tables / versions);
        for (int v = 0; v < versions; v++) {
            StringBuilder sql = new StringBuilder();
            for (int t = v * perVersion; t < Math.min(tables, (v + 1) * perVersion); t++) {
                sql.append(table(t));
            }
            Files.writeString(dir.resolve("V" + (v + 2) + "__tables_" + v + ".sql"), sql);
        }
        dir.toFile().deleteOnExit();
        return dir;
    }

    private static String table(int t) {
        String parent = t == 0 ? "" : ", parent_id bigint REFERENCES t" + (t - 1) + " (id)";
        return "CREATE TABLE t" + t + " (id bigserial PRIMARY KEY, code varchar(40) NOT NULL UNIQUE, "
                + "amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0), created_at timestamptz NOT NULL "
                + "DEFAULT now()" + parent + ");\nCREATE INDEX t" + t + "_created ON t" + t + " (created_at);\n"
                + "INSERT INTO t" + t + " (code) SELECT 'code-' || g FROM generate_series(1, 50) g;\n";
    }
}

package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockCommandIT {

    @TempDir
    Path dir;

    @Test
    void fillsTablesParentsFirstWithPlainProgressAndASummary() {
        try (DisposableDatabase db = TestDatabases.withSchema(TestDatabases.SHOP)) {
            Cli.Run run = Cli.run("--progress", "plain", "mock", "--url", db.jdbcUrl(), "--table", "orders",
                    "--rows", "5000", "--table", "customers", "--rows", "300", "--seed", "7");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM customers")).isEqualTo(300);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM orders")).isEqualTo(5000);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT customer_id) FROM orders")).isGreaterThan(100);
            assertThat(run.out()).contains("Generated 5,300 rows in 2 tables", "(seed 7)", "public.orders",
                    "total");
            assertThat(run.err()).contains("public.customers: 300 rows in ", "public.orders: 5,000 rows in ")
                    .doesNotContain("\r", "│");
        }
    }

    @Test
    void theSameSeedGivesTheSameRowsAndJsonReportsThem() {
        String first;
        try (DisposableDatabase db = TestDatabases.withSchema(TestDatabases.SHOP)) {
            Cli.Run run = Cli.run("--json", "mock", "--url", db.jdbcUrl(), "--table", "customers", "--rows", "50",
                    "--seed", "11");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("\"ok\" : true", "\"seed\" : 11", "\"totalRows\" : 50",
                    "\"table\" : \"public.customers\"");
            assertThat(run.err()).as("--json alone keeps progress on stderr, not stdout").doesNotContain("{");
            first = digest(db);
        }
        try (DisposableDatabase db = TestDatabases.withSchema(TestDatabases.SHOP)) {
            assertThat(Cli.run("-q", "mock", "--url", db.jdbcUrl(), "--table", "customers", "--rows", "50",
                    "--seed", "11").err()).isEmpty();
            assertThat(digest(db)).isEqualTo(first);
        }
    }

    private static String digest(DisposableDatabase db) {
        return String.valueOf(TestDatabases.count(db,
                "SELECT sum(hashtext(email || coalesce(full_name, ''))) FROM customers"));
    }

    @Test
    void aPlanFileFillsPerParentWithConstantsAndNullFractions() throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), String.join("\n",
                "seed: 3",
                "tables:",
                "  customers: 40",
                "  orders:",
                "    perParent: {table: customers, min: 2, max: 2}",
                "    columns: {status: paid}",
                "    nullFractions: {note: 1}",
                ""));
        try (DisposableDatabase db = TestDatabases.withSchema(TestDatabases.SHOP)) {
            Cli.Run run = Cli.run("mock", "--url", db.jdbcUrl(), "--plan", plan.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("(seed 3)");
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM orders")).isEqualTo(80);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM orders WHERE status = 'paid' AND note IS NULL"))
                    .isEqualTo(80);
        }
    }

    @Test
    void planFileMistakesNameTheFileLineAndKey() throws IOException {
        try (DisposableDatabase db = TestDatabases.withSchema(TestDatabases.SHOP)) {
            Path typo = Files.writeString(dir.resolve("typo.yaml"), "tables:\n  customers:\n    rowz: 5\n");
            Cli.Run run = Cli.run("mock", "--url", db.jdbcUrl(), "--plan", typo.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("typo.yaml line 3", "unknown key 'rowz'", "nullFractions, perParent, rows");
            Path broken = Files.writeString(dir.resolve("broken.yaml"), "tables: [customers: 5\n");
            assertThat(Cli.run("mock", "--url", db.jdbcUrl(), "--plan", broken.toString()).err())
                    .contains("broken.yaml is not valid YAML at line");
            Path negative = Files.writeString(dir.resolve("negative.yaml"), "tables:\n  customers: -1\n");
            assertThat(Cli.run("mock", "--url", db.jdbcUrl(), "--plan", negative.toString()).err())
                    .contains("negative.yaml line 2", "'tables.customers' must be 0 or more, not -1");
            assertThat(Cli.run("mock", "--url", db.jdbcUrl(), "--plan", dir.resolve("none.yaml").toString()).err())
                    .contains("none.yaml does not exist");
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM customers")).isZero();
        }
    }

    @Test
    void anUnknownTableAndAnUnsatisfiableCheckAreSchemaErrorsAndWriteNothing() {
        try (DisposableDatabase db = TestDatabases.withSchema(TestDatabases.SHOP)) {
            TestDatabases.execute(db,
                    "CREATE TABLE impossible (id int PRIMARY KEY, qty int NOT NULL CHECK (qty > 10 AND qty < 5))");
            Cli.Run unknown = Cli.run("mock", "--url", db.jdbcUrl(), "--table", "custmers", "--rows", "5");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(4);
            assertThat(unknown.err()).contains("custmers", "customers");
            Cli.Run impossible = Cli.run("mock", "--url", db.jdbcUrl(), "--table", "customers", "--rows", "5",
                    "--table", "impossible", "--rows", "5");
            assertThat(impossible.exitCode()).as(impossible.toString()).isEqualTo(4);
            assertThat(impossible.err()).contains("impossible_qty_check", "qty").doesNotContain("\tat ");
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM customers")).isZero();
        }
    }
}

package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.sync.DumpLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dump, verify, list and restore through the command line on real databases, named by pgtestkit.yaml: a production
 * shop (masked on the way out) and a test copy created by the restore.
 */
class DumpRestoreIT {

    @TempDir
    static Path dir;

    static DisposableDatabase shop;
    static String copyName;
    static Path config;

    @BeforeAll
    static void shopWithDataAndAConfiguration() throws IOException {
        shop = TestDatabases.withSchema(TestDatabases.SHOP);
        Cli.Run mock = Cli.run("-q", "mock", "--url", shop.jdbcUrl(), "--table", "customers", "--rows", "200",
                "--table", "orders", "--rows", "1000", "--table", "categories", "--rows", "30");
        assertThat(mock.exitCode()).as(mock.toString()).isZero();
        copyName = "pgtestkit_cli_copy_" + UUID.randomUUID().toString().substring(0, 8);
        config = Files.writeString(dir.resolve("pgtestkit.yaml"), String.join("\n",
                "dumps: dumps",
                "databases:",
                "  shop:",
                "    role: production",
                "    url: " + shop.jdbcUrl(),
                "  copy:",
                "    role: test",
                "    url: " + shop.jdbcUrl().replace(shop.name(), copyName),
                ""));
        Files.writeString(dir.resolve("masking.yaml"), String.join("\n",
                "columns:",
                "  public.customers.email: email",
                "  public.customers.full_name: full_name",
                "  public.categories.name: keep",
                ""));
        Files.writeString(dir.resolve("masking.key"), "0123456789abcdef0123456789abcdef\n");
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabases.SERVER.dropDatabase(copyName);
        shop.close();
    }

    private static Cli.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    private static Path dump() {
        return dir.resolve("dumps/shop");
    }

    @Test
    void productionFailsClosedThenDumpsMaskedRestoresVerifiesAndRefusesAProductionTarget() throws IOException {
        Cli.Run unmasked = cli("dump", "--db", "shop");
        assertThat(unmasked.exitCode()).as(unmasked.toString()).isEqualTo(16);
        assertThat(unmasked.err()).contains("public.customers.email", "public.customers.full_name");
        assertThat(dump()).doesNotExist();

        Cli.Run dumped = cli("--progress", "plain", "dump", "--db", "shop", "--mask",
                dir.resolve("masking.yaml").toString(), "--mask-key-file", dir.resolve("masking.key").toString());
        assertThat(dumped.exitCode()).as(dumped.toString()).isZero();
        assertThat(dumped.out()).contains("Dumped shop (production", "3 tables, 1,230 rows", "masked",
                "public.orders");
        assertThat(dumped.err()).contains("public.customers: 200 rows");
        String customers = Files.readString(dump().resolve(DumpLayout.DATA).resolve("public.customers.tsv"));
        String anEmail = TestDatabases.text(shop, "SELECT email FROM customers ORDER BY id LIMIT 1");
        assertThat(customers).hasLineCount(200).doesNotContain(anEmail);

        assertThat(cli("verify", dump().toString()).exitCode()).isZero();
        Cli.Run list = cli("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(dump().toString(), "1,230").contains("(no dump yet)");

        Cli.Run restored = cli("restore", "--input", dump().toString(), "--target", "copy");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.out()).contains("into " + copyName, "1,230 rows", "verified and swapped");
        Cli.Run same = cli("verify", dump().toString(), "--against", "copy");
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).contains("holds exactly the data of");

        TestDatabases.execute(TestDatabases.SERVER, copyName, "UPDATE orders SET note = 'changed' WHERE id = "
                + "(SELECT min(id) FROM orders)");
        Cli.Run differs = cli("--json", "verify", dump().toString(), "--against", "copy");
        assertThat(differs.exitCode()).as(differs.toString()).isEqualTo(13);
        assertThat(differs.err()).contains("public.orders");
        assertThat(differs.out()).contains("\"exitCode\" : 13");

        Cli.Run refused = cli("restore", "--input", dump().toString(), "--target", "shop");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(17);
        assertThat(refused.err()).contains("production");
        assertThat(TestDatabases.count(shop, "SELECT count(*) FROM orders")).isEqualTo(1000);
    }

    @Test
    void aTamperedDumpIsNotRestoredAndTheTargetStaysAsItWas() throws IOException {
        Path tampered = dir.resolve("tampered");
        Cli.Run dumped = cli("-q", "dump", "--url", shop.jdbcUrl(), "--output", tampered.toString(), "--table",
                "categories");
        assertThat(dumped.exitCode()).as(dumped.toString()).isZero();
        Path data = tampered.resolve(DumpLayout.DATA).resolve("public.categories.tsv");
        Files.writeString(data, Files.readString(data).replaceFirst("\t", "\t9"));
        try (DisposableDatabase target = TestDatabases.withSchema("CREATE TABLE keep_me (id int)",
                "INSERT INTO keep_me VALUES (1)")) {
            Cli.Run run = cli("restore", "--input", tampered.toString(), "--url", target.jdbcUrl());
            assertThat(run.exitCode()).as(run.toString()).isIn(12, 13);
            assertThat(run.err()).contains("public.categories").doesNotContain("\tat ");
            assertThat(TestDatabases.count(target, "SELECT count(*) FROM keep_me")).isEqualTo(1);
        }
    }

    @Test
    void aWhereThatIsNotSqlFailsNamingTheTableAndLeavesNoDirectory() {
        Path out = dir.resolve("bad-where");
        Cli.Run run = cli("dump", "--url", shop.jdbcUrl(), "--output", out.toString(), "--where",
                "orders=total >>> nonsense (");
        assertThat(run.exitCode()).as(run.toString()).isNotZero().isNotEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(run.err()).contains("orders").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void configurationMistakesAreConfigurationErrors() {
        Cli.Run unknown = cli("schema", "--db", "shopp");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(19);
        assertThat(unknown.err()).contains("No database 'shopp'", "shop", "copy");
        Cli.Run missing = Cli.run("--config", dir.resolve("nowhere.yaml").toString(), "dump", "--all");
        assertThat(missing.exitCode()).isEqualTo(19);
        assertThat(missing.err()).contains("nowhere.yaml does not exist");
        Cli.Run schema = cli("schema", "--db", "shop", "--table", "orders");
        assertThat(schema.exitCode()).as(schema.toString()).isZero();
        assertThat(schema.out()).contains("public.orders");
    }
}

package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.sync.DumpLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify DIR} on dumps on disk (no database): a good dump passes, every kind of damage fails nonzero. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private Path dump() throws IOException {
        return HandMadeDump.write(dir.resolve("shop"), "CREATE TABLE customers (id int, name text);\n",
                HandMadeDump.shop());
    }

    @Test
    void aDumpThatMatchesItsManifestPasses() throws IOException {
        Path dump = dump();
        Cli.Run run = Cli.run("--progress", "plain", "verify", dump.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("matches its manifest: 2 tables, 5 rows");
        assertThat(run.err()).contains("verify public.customers: 3 rows", "verify public.orders: 2 rows");
        Cli.Run json = Cli.run("--json", "-q", "verify", dump.toString());
        assertThat(json.out()).contains("\"ok\" : true", "\"rows\" : 5", "\"public.customers\"");
        assertThat(json.err()).isEmpty();
    }

    @Test
    void aChangedRowFailsWithTheVerificationCodeNamingTheFile() throws IOException {
        Path dump = dump();
        Path data = dump.resolve(DumpLayout.DATA).resolve("public.customers.tsv");
        Files.writeString(data, Files.readString(data).replace("Grace", "Grave"));
        Cli.Run run = Cli.run("verify", dump.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(13);
        assertThat(run.err()).contains("does not match its manifest", "data/public.customers.tsv", "(changed)")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aTruncatedFileAMissingFileAndAStrayFileAreAllListed() throws IOException {
        Path dump = dump();
        Path data = dump.resolve(DumpLayout.DATA);
        Files.write(data.resolve("public.orders.tsv"), "10\tfirst\n".getBytes(StandardCharsets.UTF_8));
        Files.delete(data.resolve("public.customers.tsv"));
        Files.writeString(data.resolve("public.extra.tsv"), "1\n", StandardOpenOption.CREATE_NEW);
        Cli.Run run = Cli.run("--json", "verify", dump.toString());
        assertThat(run.exitCode()).isEqualTo(13);
        assertThat(run.err()).contains("public.orders.tsv", "(truncated)", "public.customers.tsv: missing",
                "public.extra.tsv");
        assertThat(run.out()).contains("\"exitCode\" : 13", "\"error\" : \"VerificationException\"");
    }

    @Test
    void aCorruptOrNewerManifestAndANonDumpAreManifestErrors() throws IOException {
        Path dump = dump();
        Path manifest = dump.resolve(DumpLayout.MANIFEST);
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replaceFirst("\"formatVersion\" ?: ?1", "\"formatVersion\" : 99"));
        Cli.Run newer = Cli.run("verify", dump.toString());
        assertThat(newer.exitCode()).as(newer.toString()).isEqualTo(14);
        assertThat(newer.err()).contains("99");
        Files.writeString(manifest, json.substring(0, json.length() / 2));
        assertThat(Cli.run("verify", dump.toString()).exitCode()).isEqualTo(14);
        Cli.Run none = Cli.run("verify", dir.toString());
        assertThat(none.exitCode()).isEqualTo(14);
        assertThat(none.err()).contains("manifest.json");
    }
}

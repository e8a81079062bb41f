package dev.pgtestkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpManifestTest {

    static DumpManifest sample() {
        TableEntry users = new TableEntry(QualifiedName.of("public", "users"), List.of("id", "email"), List.of("id"),
                null, 3, 42, "ab".repeat(32), 0, List.of(new FileEntry("data/public.users.tsv", 3, 42,
                        "ab".repeat(32))));
        TableEntry events = new TableEntry(QualifiedName.of("audit", "Events"), List.of("id"), List.of(),
                "id > 2", 2, 10, "cd".repeat(32), 5, List.of(new FileEntry("data/audit.%45vents.001.tsv", 1, 5,
                        "ef".repeat(32)), new FileEntry("data/audit.%45vents.002.tsv", 1, 5, "01".repeat(32))));
        return new DumpManifest(1, "0.1.0", "17.2", "app", "12".repeat(32), Instant.parse("2026-12-03T10:00:00Z"),
                "built-in", "34".repeat(32), null, "56".repeat(32),
                List.of(new FileEntry(DumpLayout.PRE_DATA, 0, 7, "78".repeat(32))), List.of(users, events));
    }

    @Test
    void roundTripsThroughJsonWithTheSameBytes() {
        DumpManifest m = sample();
        byte[] json = m.toJson();
        DumpManifest back = DumpManifest.parse(json, "test");
        assertThat(back).isEqualTo(m);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\n  \"formatVersion\" : 1,").endsWith("}\n");
        assertThat(m.files()).extracting(FileEntry::path).containsExactly(DumpLayout.PRE_DATA,
                "data/public.users.tsv", "data/audit.%45vents.001.tsv", "data/audit.%45vents.002.tsv");
        assertThat(m.totalRows()).isEqualTo(5);
    }

    @Test
    void readsFromADirectory(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve(DumpLayout.MANIFEST), sample().toJson());
        assertThat(DumpManifest.read(dir).table(QualifiedName.of("audit", "Events")).orElseThrow().where())
                .isEqualTo("id > 2");
    }

    @Test
    void refusesANewerFormatNamingTheVersions() {
        String json = new String(sample().toJson(), StandardCharsets.UTF_8).replace("\"formatVersion\" : 1",
                "\"formatVersion\" : 2");
        assertThatThrownBy(() -> DumpManifest.parse(json.getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("format version 2").hasMessageContaining("reads format 1")
                .hasMessageContaining("Upgrade pgtestkit");
    }

    @Test
    void aMissingManifestOrFieldIsAManifestException(@TempDir Path dir) {
        assertThatThrownBy(() -> DumpManifest.read(dir)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("manifest.json is missing");
        String json = new String(sample().toJson(), StandardCharsets.UTF_8).replace("\"contentHash\"", "\"x\"");
        assertThatThrownBy(() -> DumpManifest.parse(json.getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("'contentHash'");
        assertThatThrownBy(() -> DumpManifest.parse("{\"formatVersion\": 1,".getBytes(StandardCharsets.UTF_8),
                "m.json")).isInstanceOf(ManifestException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesPathsOutsideTheDump() {
        String json = new String(sample().toJson(), StandardCharsets.UTF_8).replace("data/public.users.tsv",
                "../../etc/passwd");
        assertThatThrownBy(() -> DumpManifest.parse(json.getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("relative path inside the dump");
    }

    @Test
    void dataFileNamesAreDistinctAndPortable() {
        assertThat(DumpLayout.dataFile(QualifiedName.of("public", "users"), 0)).isEqualTo("data/public.users.tsv");
        assertThat(DumpLayout.dataFile(QualifiedName.of("public", "users"), 3)).isEqualTo("data/public.users.003.tsv");
        assertThat(DumpLayout.dataFile(QualifiedName.of("a.b", "c"), 0))
                .isNotEqualTo(DumpLayout.dataFile(QualifiedName.of("a", "b.c"), 0));
        assertThat(DumpLayout.dataFile(QualifiedName.of("public", "Users"), 0))
                .isNotEqualToIgnoringCase(DumpLayout.dataFile(QualifiedName.of("public", "users"), 0));
        assertThat(DumpLayout.dataFile(QualifiedName.of("public", "naïve/x"), 0)).isEqualTo(
                "data/public.na%C3%AFve%2Fx.tsv");
    }
}

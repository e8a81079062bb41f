package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.execute;
import static dev.pgtestkit.sync.SyncTestSupport.rows;
import static dev.pgtestkit.sync.SyncTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore creates its database with the dump source's encoding and locale (recorded in the manifest), not the
 * server's defaults: a LATIN1 / C source (every server can create one from template0) restores as LATIN1 / C, with
 * its non-ASCII text intact and verifiable.
 */
class LocaleIT {

    private final List<String> databases = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void drop() {
        for (String name : databases) {
            if (SERVER.databases(name).contains(name)) {
                SERVER.dropDatabase(name);
            }
        }
    }

    private PgDatabase latin1Source() {
        String name = newName();
        execute(PgDatabase.of(SERVER, "postgres").connect(), "CREATE DATABASE " + name
                + " TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'");
        PgDatabase source = PgDatabase.of(SERVER, name);
        execute(source.connect(), "CREATE TABLE words (id int PRIMARY KEY, word text NOT NULL)",
                "INSERT INTO words VALUES (1, 'café'), (2, 'Ærø'), (3, 'naïve'), (4, 'plain')");
        return source;
    }

    private String newName() {
        String name = "pgtestkit_locale_" + UUID.randomUUID().toString().substring(0, 8);
        databases.add(name);
        return name;
    }

    @Test
    void theRestoredDatabaseHasTheSourcesEncodingAndLocale() throws Exception {
        Path dir = tmp.resolve("latin1");
        DumpManifest manifest = Dumper.dump(latin1Source(), dir);
        assertThat(manifest.sourceLocale()).isEqualTo(new DatabaseLocale("LATIN1", "C", "C", "libc", null));
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"encoding\" : \"LATIN1\"");
        assertThat(DumpManifest.read(dir).sourceLocale()).isEqualTo(manifest.sourceLocale());

        PgDatabase target = PgDatabase.of(SERVER, newName());
        Restorer.restore(dir, target);
        assertThat(rows(PgDatabase.of(SERVER, "postgres"), "SELECT pg_encoding_to_char(encoding), datcollate,"
                + " datctype FROM pg_database WHERE datname = '" + target.name() + "'"))
                .containsExactly(List.of("LATIN1", "C", "C"));
        assertThat(text(target, "SELECT string_agg(word, ',' ORDER BY id) FROM words"))
                .isEqualTo("café,Ærø,naïve,plain");
        Verifier.verify(dir, target); // the files are UTF-8; the server hashes its LATIN1 text converted to UTF-8

        PgDatabase defaults = PgDatabase.of(SERVER, newName());
        Restorer.restore(dir, defaults, RestoreOptions.builder().serverLocale(true).build());
        assertThat(text(PgDatabase.of(SERVER, "postgres"), "SELECT pg_encoding_to_char(encoding) FROM pg_database"
                + " WHERE datname = '" + defaults.name() + "'"))
                .isEqualTo(text(PgDatabase.of(SERVER, "postgres"), "SELECT pg_encoding_to_char(encoding) FROM"
                        + " pg_database WHERE datname = 'template0'"));
    }

    @Test
    void aLocaleTheServerLacksIsAClearErrorAndTheTargetIsUnchanged() throws Exception {
        Path dir = tmp.resolve("unknown-locale");
        Dumper.dump(latin1Source(), dir);
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"collate\" : \"C\"",
                "\"collate\" : \"xx_NOWHERE.LATIN1\""));
        PgDatabase target = PgDatabase.of(SERVER, newName());
        execute(PgDatabase.of(SERVER, "postgres").connect(), "CREATE DATABASE " + target.name());
        execute(target.connect(), "CREATE TABLE keep (x int)");
        assertThatThrownBy(() -> Restorer.restore(dir, target)).isInstanceOf(RestoreException.class)
                .hasMessageContaining("LC_COLLATE xx_NOWHERE.LATIN1")
                .hasMessageContaining("RestoreOptions.serverLocale(true)")
                .hasMessageContaining("The target is unchanged");
        assertThat(text(target, "SELECT count(*) FROM pg_class WHERE relname = 'keep'")).isEqualTo("1");
    }
}

package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.dump;
import static dev.pgtestkit.sync.SyncTestSupport.files;
import static dev.pgtestkit.sync.SyncTestSupport.fixedSchema;
import static dev.pgtestkit.sync.SyncTestSupport.leftovers;
import static dev.pgtestkit.sync.SyncTestSupport.pg;
import static dev.pgtestkit.sync.SyncTestSupport.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.internal.schema.SchemaWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpIT {

    static final String SCHEMA = """
            CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, name varchar(40), note text,
                                score double precision, born date, seen timestamptz, active boolean, photo bytea,
                                due interval, price money);
            CREATE TABLE "Orders" (id bigint PRIMARY KEY, user_id int REFERENCES users, total numeric(10,2));
            CREATE TABLE tags (label text, weight int);
            """;
    static final SchemaWriter WRITER = fixedSchema(SCHEMA, "");

    static DisposableDatabase db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void fill() {
        db = database(SCHEMA,
                // inserted out of key order, with values COPY must escape and settings-dependent types
                "INSERT INTO users SELECT i, 'user' || i || '@example.com', 'Name ' || i,"
                        + " CASE WHEN i % 3 = 0 THEN E'tab\\there\\nnew line \\\\ back' END, i / 7.0,"
                        + " date '2000-01-01' + i, timestamptz '2024-03-01 12:00:00+05' + i * interval '1 hour',"
                        + " i % 2 = 0, decode(md5(i::text), 'hex'), i * interval '90 minutes', i * 1.5"
                        + " FROM generate_series(1, 500) i ORDER BY md5(i::text)",
                "INSERT INTO \"Orders\" SELECT i, 1 + i % 500, i * 3.25 FROM generate_series(1, 2000) i"
                        + " ORDER BY random()",
                "INSERT INTO tags VALUES ('b', 2), ('a', 1), ('b', 2), (NULL, 3), ('Ä', 0), ('a', NULL)");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void writesSortedCopyTextAndAManifestThatVerifies() {
        Path dir = tmp.resolve("dump");
        DumpManifest m = dump(pg(db), dir, DumpOptions.defaults(), WRITER);

        assertThat(files(dir)).containsExactly("data/public.%4Frders.tsv", "data/public.tags.tsv",
                "data/public.users.tsv", "manifest.json", "schema/post-data.sql", "schema/pre-data.sql");
        assertThat(m.tables()).extracting(t -> t.table().name()).as("parents before children")
                .containsSubsequence("users", "Orders").hasSize(3);
        TableEntry users = m.table(QualifiedName.of("public", "users")).orElseThrow();
        assertThat(users.rows()).isEqualTo(500);
        assertThat(users.orderBy()).containsExactly("id");
        List<String> lines = read(dir.resolve("data/public.users.tsv")).lines().toList();
        assertThat(lines).hasSize(500);
        assertThat(lines.get(0)).startsWith("1\tuser1@example.com\tName 1\t\\N\t0.14285714285714285\t2000-01-02\t"
                + "2024-03-01 08:00:00+00\tf\t\\\\xc4ca4238a0b923820dcc509a6f75849b\t01:30:00\t$1.50");
        assertThat(lines.get(2)).contains("\ttab\\there\\nnew line \\\\ back\t");
        assertThat(lines.stream().map(l -> Integer.parseInt(l.substring(0, l.indexOf('\t')))).toList())
                .isSorted();
        assertThat(read(dir.resolve("data/public.tags.tsv")).lines().toList())
                .as("a table without a key is sorted by its whole row")
                .containsExactly("\\N\t3", "a\t\\N", "a\t1", "b\t2", "b\t2", "Ä\t0");
        assertThat(m.contentHash()).hasSize(64);
        assertThat(m.snapshotTime()).isNotNull();
        assertThat(m.sourceDatabase()).isEqualTo(db.name());
        assertThat(Verifier.verify(dir).rows()).isEqualTo(2506);
    }

    @Test
    void sameDataGivesTheSameBytesAndOneChangedRowOneChangedLine() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        DumpManifest a = dump(pg(db), first, DumpOptions.builder().jobs(1).build(), WRITER);
        DumpManifest b = dump(pg(db), second, DumpOptions.builder().jobs(3).build(), WRITER);
        for (String f : files(first)) {
            if (!f.equals("manifest.json")) {
                assertThat(Files.readAllBytes(second.resolve(f))).as(f).isEqualTo(Files.readAllBytes(first.resolve(f)));
            }
        }
        assertThat(b.contentHash()).isEqualTo(a.contentHash());

        SyncTestSupport.execute(db.connect(), "UPDATE users SET name = 'Changed' WHERE id = 250");
        try {
            Path third = tmp.resolve("third");
            DumpManifest c = dump(pg(db), third, DumpOptions.defaults(), WRITER);
            List<String> changed = new ArrayList<>();
            for (String f : files(first)) {
                if (!f.equals("manifest.json") && !Arrays.equals(Files.readAllBytes(first.resolve(f)),
                        Files.readAllBytes(third.resolve(f)))) {
                    changed.add(f);
                }
            }
            assertThat(changed).containsExactly("data/public.users.tsv");
            List<String> before = Files.readAllLines(first.resolve("data/public.users.tsv"));
            List<String> after = Files.readAllLines(third.resolve("data/public.users.tsv"));
            assertThat(after).hasSameSizeAs(before);
            List<Integer> differing = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    differing.add(i);
                }
            }
            assertThat(differing).containsExactly(249);
            assertThat(c.contentHash()).isNotEqualTo(a.contentHash());
        } finally {
            SyncTestSupport.execute(db.connect(), "UPDATE users SET name = 'Name 250' WHERE id = 250");
        }
    }

    @Test
    void splitsLargeTablesIntoNumberedChunks() {
        Path dir = tmp.resolve("chunked");
        DumpManifest m = dump(pg(db), dir, DumpOptions.builder().chunkBytes(16 * 1024).build(), WRITER);
        TableEntry users = m.table(QualifiedName.of("public", "users")).orElseThrow();
        assertThat(users.files()).hasSizeGreaterThan(3);
        assertThat(users.files().get(0).path()).isEqualTo("data/public.users.001.tsv");
        assertThat(users.files()).allSatisfy(f -> assertThat(f.bytes()).isLessThan(16 * 1024 + 300));
        assertThat(users.files().stream().mapToLong(DumpManifest.FileEntry::rows).sum()).isEqualTo(500);
        assertThat(m.table(QualifiedName.of("public", "tags")).orElseThrow().files()).extracting(
                DumpManifest.FileEntry::path).containsExactly("data/public.tags.tsv");
        Verifier.verify(dir);
    }

    @Test
    void verifyListsTamperedTruncatedMissingAndStrayFiles() throws IOException {
        Path dir = tmp.resolve("damaged");
        dump(pg(db), dir, DumpOptions.builder().chunkBytes(16 * 1024).build(), WRITER);
        Path users = dir.resolve("data/public.users.002.tsv");
        String text = read(users);
        Files.writeString(users, text.replaceFirst("user", "usex"));
        Path orders = dir.resolve("data/public.%4Frders.001.tsv");
        byte[] bytes = Files.readAllBytes(orders);
        Files.write(orders, Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(dir.resolve("data/public.tags.tsv"));
        Files.writeString(dir.resolve("data/public.extra.tsv"), "1\n");

        assertThatThrownBy(() -> Verifier.verify(dir)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("data/public.users.002.tsv: SHA-256")
                .hasMessageContaining("(changed)")
                .hasMessageContaining("data/public.%4Frders.001.tsv: " + bytes.length / 2 + " bytes, the manifest says "
                        + bytes.length + " (truncated)")
                .hasMessageContaining("data/public.tags.tsv: missing")
                .hasMessageContaining("data/public.extra.tsv: not in the manifest")
                .satisfies(e -> assertThat(((VerificationException) e).errorCode()).isEqualTo(13));
    }

    @Test
    void aWriteFailureMidDumpLeavesThePreviousDumpAndNoPartialDirectory() throws IOException {
        Path dir = tmp.resolve("kept");
        DumpManifest before = dump(pg(db), dir, DumpOptions.defaults(), WRITER);
        AtomicBoolean planted = new AtomicBoolean();
        // A real I/O error: when the first table starts, a directory takes the place of its second chunk's file.
        SyncProgressListener saboteur = e -> {
            if (e.type() == SyncEvent.Type.TABLE_STARTED && planted.compareAndSet(false, true)) {
                try (Stream<Path> siblings = Files.list(tmp)) {
                    Path temp = siblings.filter(p -> p.getFileName().toString().startsWith(".kept.tmp-"))
                            .findFirst().orElseThrow();
                    for (String t : List.of("public.users", "public.%4Frders")) {
                        Files.createDirectories(temp.resolve("data/" + t + ".002.tsv"));
                    }
                } catch (IOException x) {
                    throw new IllegalStateException(x);
                }
            }
        };
        assertThatThrownBy(() -> dump(pg(db), dir, DumpOptions.builder().chunkBytes(16 * 1024).jobs(1)
                .listener(saboteur).build(), WRITER))
                .isInstanceOf(DumpException.class).hasMessageContaining("Writing the dump to " + dir + " failed")
                .hasMessageContaining("unchanged");
        assertThat(planted).isTrue();
        assertThat(leftovers(dir)).isEmpty();
        assertThat(DumpManifest.read(dir)).isEqualTo(before);
        Verifier.verify(dir);
    }

    @Test
    void recoversWhatACrashedPublishLeftWithoutLosingTheOnlyCompleteCopy() throws IOException {
        Path dir = tmp.resolve("crashed");
        DumpManifest before = dump(pg(db), dir, DumpOptions.defaults(), WRITER);
        // A crash between "rename the old dump aside" and "rename the new one into place", by a dead process.
        Files.move(dir, tmp.resolve(".crashed.old-999999999-0a1b2c"));
        Files.createDirectories(tmp.resolve(".crashed.tmp-999999999-3d4e5f/data"));
        dev.pgtestkit.sync.internal.DumpDirectory.recover(dir);
        assertThat(leftovers(dir)).isEmpty();
        assertThat(DumpManifest.read(dir)).isEqualTo(before);
    }
}

package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.files;
import static dev.pgtestkit.sync.SyncTestSupport.pg;
import static dev.pgtestkit.sync.SyncTestSupport.rows;
import static dev.pgtestkit.sync.SyncTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masking on the way out, fail-closed for production, subsets that restore, and verify(dir, db) differences. */
class MaskingIT {

    static final MaskingKey KEY = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
    static final MaskingPolicy POLICY = MaskingPolicy.parse("""
            columns:
              public.users.email: email
              public.users.full_name: full_name
              public.users.phone: phone
              public.users.api_token: hash
              public.logins.ip: null
              public.logins.user_agent: keep
              public.orders.note: {constant: redacted}
            """, "test policy");

    static DisposableDatabase source;
    static List<List<String>> originals;
    String target;

    @TempDir
    Path tmp;

    @BeforeAll
    static void fill() {
        source = database("""
                CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, full_name text,
                                    phone varchar(20), api_token text UNIQUE, plan text NOT NULL);
                CREATE TABLE orders (id int PRIMARY KEY, user_email text NOT NULL REFERENCES users (email),
                                     note text, total numeric(8,2));
                CREATE TABLE logins (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users, ip inet,
                                     user_agent text);
                """,
                "INSERT INTO users SELECT i, 'person' || i || '@realcorp.example', 'Realname Person' || i,"
                        + " '+1 555 01' || lpad(i::text, 3, '0'), 'tok_' || md5(i::text), 'basic' FROM generate_series(1, 200) i",
                "INSERT INTO orders SELECT i, 'person' || (1 + i % 200) || '@realcorp.example', 'call Realname', i"
                        + " FROM generate_series(1, 1000) i",
                "INSERT INTO logins SELECT i, 1 + i % 200, ('10.0.' || (i % 250) || '.7')::inet, 'curl' FROM generate_series(1, 600) i");
        originals = rows(pg(source), "SELECT email, full_name, phone, api_token FROM users");
    }

    @AfterAll
    static void drop() {
        source.close();
    }

    @AfterEach
    void dropTarget() {
        if (target != null && SERVER.databases(target).contains(target)) {
            SERVER.dropDatabase(target);
        }
    }

    private PgDatabase newTarget() {
        target = "pgtestkit_masktest_" + UUID.randomUUID().toString().substring(0, 8);
        return PgDatabase.of(SERVER, target);
    }

    @Test
    void noOriginalValueReachesTheDumpAndMaskedForeignKeysStillJoin() throws Exception {
        Path dir = tmp.resolve("masked");
        DumpManifest m = Dumper.dump(pg(source), dir, DumpOptions.builder().masking(POLICY).maskingKey(KEY)
                .production(true).build());
        assertThat(m.maskingPolicyHash()).isEqualTo(POLICY.sha256());
        StringBuilder all = new StringBuilder();
        for (String f : files(dir)) {
            all.append(Files.readString(dir.resolve(f), StandardCharsets.UTF_8));
        }
        for (List<String> row : originals) {
            for (String value : row) {
                assertThat(all.indexOf(value)).as(value).isEqualTo(-1);
            }
        }
        assertThat(all.toString()).doesNotContain("realcorp").doesNotContain("Realname").doesNotContain("10.0.")
                .doesNotContain(new String(KEY.secret(), StandardCharsets.UTF_8));

        PgDatabase restored = newTarget();
        Restorer.restore(dir, restored);
        assertThat(text(restored, "SELECT count(*) FROM orders o JOIN users u ON u.email = o.user_email"))
                .isEqualTo("1000");
        assertThat(text(restored, "SELECT count(DISTINCT email) FROM users")).isEqualTo("200");
        assertThat(text(restored, "SELECT count(DISTINCT api_token) FROM users")).isEqualTo("200");
        assertThat(text(restored, "SELECT count(*) FROM logins WHERE ip IS NULL AND user_agent = 'curl'"))
                .isEqualTo("600");
        assertThat(text(restored, "SELECT DISTINCT note FROM orders")).isEqualTo("redacted");
        assertThat(text(restored, "SELECT max(length(phone)) <= 20 FROM users")).isEqualTo("t");
        assertThat(text(restored, "SELECT email FROM users WHERE id = 1")).matches("[^@]+@[^@]+\\.[a-z]+");
        Verifier.verify(dir, restored);

        Path again = tmp.resolve("again");
        Dumper.dump(pg(source), again, DumpOptions.builder().masking(POLICY).maskingKey(KEY).build());
        for (String f : files(dir)) {
            if (f.startsWith("data/")) {
                assertThat(Files.readAllBytes(again.resolve(f))).as("same key, same masked bytes: " + f)
                        .isEqualTo(Files.readAllBytes(dir.resolve(f)));
            }
        }
    }

    @Test
    void productionRefusesUndecidedSensitiveColumnsAndListsEachOne() {
        MaskingPolicy partial = MaskingPolicy.builder().column("public.users.email", MaskingPolicy.Transform.EMAIL)
                .build();
        Path dir = tmp.resolve("refused");
        assertThatThrownBy(() -> Dumper.dump(pg(source), dir, DumpOptions.builder().masking(partial).maskingKey(KEY)
                .production(true).build()))
                .isInstanceOf(UnmaskedColumnsException.class)
                .hasMessageContaining("Refusing to dump production database")
                .hasMessageContaining("override")
                .satisfies(e -> assertThat(((UnmaskedColumnsException) e).columns()).containsExactly(
                        "public.logins.ip", "public.users.api_token",
                        "public.users.full_name", "public.users.phone"));
        assertThat(Files.exists(dir)).isFalse();
        assertThat(SyncTestSupport.leftovers(dir)).isEmpty();
        Dumper.dump(pg(source), dir, DumpOptions.builder().masking(partial).maskingKey(KEY).production(true)
                .allowUnmaskedSensitiveColumns(true).build());
        Verifier.verify(dir);
    }

    @Test
    void aPolicyThatWouldBreakAForeignKeyOrAColumnIsRefused() {
        Path dir = tmp.resolve("bad");
        assertThatThrownBy(() -> Dumper.dump(pg(source), dir, DumpOptions.builder().maskingKey(KEY).masking(
                MaskingPolicy.parse("columns: {public.users.email: email, public.orders.user_email: keep}", "p"))
                .build())).isInstanceOf(MaskingException.class).hasMessageContaining("public.orders.user_email")
                .hasMessageContaining("give both the same transform");
        assertThatThrownBy(() -> Dumper.dump(pg(source), dir, DumpOptions.builder().maskingKey(KEY).masking(
                MaskingPolicy.parse("columns: {public.users.emial: email}", "p")).build()))
                .isInstanceOf(MaskingException.class).hasMessageContaining("has no such column")
                .hasMessageContaining("email, full_name");
        assertThatThrownBy(() -> Dumper.dump(pg(source), dir, DumpOptions.builder().masking(POLICY).build()))
                .isInstanceOf(MaskingException.class).hasMessageContaining(MaskingKey.ENV);
        assertThatThrownBy(() -> Dumper.dump(pg(source), dir, DumpOptions.builder().maskingKey(KEY).masking(
                MaskingPolicy.parse("columns: {public.users.plan: null}", "p")).build()))
                .isInstanceOf(MaskingException.class).hasMessageContaining("NOT NULL");
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void aSubsetLeavesOutRowsWhoseParentsAreLeftOutAndRestores() {
        Path dir = tmp.resolve("subset");
        DumpManifest m = Dumper.dump(pg(source), dir, DumpOptions.builder().where("users", "id <= 20").build());
        DumpManifest.TableEntry users = m.table(QualifiedName.of("public", "users")).orElseThrow();
        DumpManifest.TableEntry orders = m.table(QualifiedName.of("public", "orders")).orElseThrow();
        DumpManifest.TableEntry logins = m.table(QualifiedName.of("public", "logins")).orElseThrow();
        assertThat(users.rows()).isEqualTo(20);
        assertThat(users.where()).isEqualTo("id <= 20");
        assertThat(orders.rows()).isEqualTo(100);
        assertThat(orders.rowsLeftOut()).isEqualTo(900);
        assertThat(logins.rows() + logins.rowsLeftOut()).isEqualTo(600);
        PgDatabase restored = newTarget();
        Restorer.restore(dir, restored);
        assertThat(text(restored, "SELECT count(*) FROM orders")).isEqualTo("100");

        Path noUsers = tmp.resolve("no-users");
        DumpManifest without = Dumper.dump(pg(source), noUsers, DumpOptions.builder().exclude("public.users").build());
        assertThat(without.tables()).extracting(t -> t.table().name()).containsExactlyInAnyOrder("orders", "logins");
        assertThat(without.table(QualifiedName.of("public", "orders")).orElseThrow().rowsLeftOut()).isEqualTo(1000);
    }

    @Test
    void verifyAgainstADatabaseNamesEachTableThatDiffers() {
        Path dir = tmp.resolve("plain");
        Dumper.dump(pg(source), dir);
        PgDatabase restored = newTarget();
        Restorer.restore(dir, restored);
        VerifyResult ok = Verifier.verify(dir, restored);
        assertThat(ok.rows()).isEqualTo(1800);
        SyncTestSupport.execute(restored.connect(), "UPDATE orders SET total = total + 0.01 WHERE id = 500",
                "DELETE FROM logins WHERE id = 7", "CREATE TABLE extra (x int)", "INSERT INTO extra VALUES (1)");
        assertThatThrownBy(() -> Verifier.verify(dir, restored)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("public.orders: the rows differ")
                .hasMessageContaining("public.logins: 599 rows in the database, 600 in the dump")
                .hasMessageContaining("public.extra: has rows in the database but is not in the dump")
                .satisfies(e -> assertThat(((VerificationException) e).differences()).hasSize(3));
    }
}

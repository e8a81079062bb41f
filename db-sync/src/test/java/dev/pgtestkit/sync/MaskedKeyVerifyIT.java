package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.pg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify(dir, db) when masking changed a primary key column: the files keep the original keys' order, which the
 * masked keys do not follow, so those tables are compared with an order-independent digest.
 */
class MaskedKeyVerifyIT {

    static final MaskingKey KEY = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
    static final MaskingPolicy POLICY = MaskingPolicy.parse("""
            columns:
              public.accounts.email: email
              public.accounts.note: keep
            """, "masked key policy");

    String target;

    @TempDir
    Path tmp;

    @AfterEach
    void dropTarget() {
        if (target != null && SERVER.databases(target).contains(target)) {
            SERVER.dropDatabase(target);
        }
    }

    @Test
    void maskedPrimaryKeyVerifiesAndAChangedRowIsStillFound() {
        try (DisposableDatabase source = database("""
                CREATE TABLE accounts (email text PRIMARY KEY, note text);
                CREATE TABLE plans (id int PRIMARY KEY, name text);
                """,
                "INSERT INTO accounts SELECT 'person' || i || '@realcorp.example', 'n' || i"
                        + " FROM generate_series(1, 300) i",
                "INSERT INTO plans SELECT i, 'plan ' || i FROM generate_series(1, 50) i")) {
            Path dir = tmp.resolve("masked");
            DumpManifest m = Dumper.dump(pg(source), dir, DumpOptions.builder().masking(POLICY).maskingKey(KEY)
                    .build());
            assertThat(m.table(QualifiedName.of("public", "accounts")).orElseThrow().unordered()).isTrue();
            assertThat(m.table(QualifiedName.of("public", "plans")).orElseThrow().unordered()).isFalse();
            assertThat(DumpManifest.read(dir)).isEqualTo(m);

            target = "pgtestkit_maskkey_" + UUID.randomUUID().toString().substring(0, 8);
            PgDatabase restored = PgDatabase.of(SERVER, target);
            Restorer.restore(dir, restored);
            assertThat(Verifier.verify(dir, restored).rows()).isEqualTo(350);

            SyncTestSupport.execute(restored.connect(),
                    "UPDATE accounts SET note = 'changed' WHERE note = 'n150'",
                    "UPDATE plans SET name = 'other' WHERE id = 7");
            assertThatThrownBy(() -> Verifier.verify(dir, restored)).isInstanceOf(VerificationException.class)
                    .hasMessageContaining("public.accounts: the rows differ")
                    .hasMessageContaining("public.plans: the rows differ")
                    .satisfies(e -> assertThat(((VerificationException) e).differences()).hasSize(2));
        }
    }
}

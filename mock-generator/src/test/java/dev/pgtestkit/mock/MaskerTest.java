package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.Identity;
import dev.pgtestkit.core.schema.PgType;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import dev.pgtestkit.core.schema.TypeCategory;
import dev.pgtestkit.core.schema.UniqueKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MaskerTest {

    private final Masker masker = Masker.withKey("0123456789abcdef-test-key");

    @Test
    void sameInputSameOutputOtherKeyOtherOutput() {
        String a = masker.mask(MaskKind.FULL_NAME, "Jane Doe");
        assertThat(masker.mask(MaskKind.FULL_NAME, "Jane Doe")).isEqualTo(a);
        assertThat(Masker.withKey("0123456789abcdef-test-key").mask(MaskKind.FULL_NAME, "Jane Doe")).isEqualTo(a);
        assertThat(Masker.withKey("another-key-of-16-bytes").mask(MaskKind.FULL_NAME, "Jane Doe")).isNotEqualTo(a);
        assertThat(a).isNotEqualTo("Jane Doe").contains(" ");
        assertThat(masker.mask(MaskKind.EMAIL, null)).isNull();
    }

    @Test
    void uniqueMaskingKeepsDistinctInputsDistinctAndLooksReal() {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String masked = masker.maskUnique(MaskKind.EMAIL, "user" + i + "@corp.example", 60);
            assertThat(masked.length()).isLessThanOrEqualTo(60);
            out.add(masked);
        }
        assertThat(out).hasSize(100_000);
        assertThat(out.iterator().next()).matches("[a-z0-9.]+@[a-z0-9.-]+");
    }

    @Test
    void integersAreABijectionOfTheirRange() {
        Set<Long> seen = new HashSet<>();
        for (long v = -500; v <= 499; v++) {
            long m = masker.maskInteger(v, -500, 499);
            assertThat(m).isBetween(-500L, 499L);
            seen.add(m);
        }
        assertThat(seen).hasSize(1000);
        assertThatThrownBy(() -> masker.maskInteger(5, 10, 20)).hasMessageContaining("[10, 20]");
    }

    @Test
    void uuidsAreDeterministicVersion4() {
        UUID in = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
        assertThat(masker.maskUuid(in)).isEqualTo(masker.maskUuid(in)).isNotEqualTo(in);
        assertThat(masker.maskUuid(in).version()).isEqualTo(4);
    }

    @Test
    void columnsAreMaskedByNameAndUniquenessFromTheSchema() {
        PgType varchar = new PgType("pg_catalog", "varchar", "character varying(40)", TypeCategory.BASE, List.of(),
                null, null, List.of(), false);
        PgType int8 = new PgType("pg_catalog", "int8", "bigint", TypeCategory.BASE, List.of(), null, null, List.of(),
                false);
        Column id = new Column("id", 1, int8, true, null, Identity.NONE, null, null, null, null, null);
        Column email = new Column("email", 2, varchar, true, null, Identity.NONE, null, 40, null, null, null);
        Column city = new Column("city", 3, varchar, false, null, Identity.NONE, null, 40, null, null, null);
        Column plan = new Column("plan_note", 4, varchar, false, null, Identity.NONE, null, 40, null, null, null);
        Table users = new Table(QualifiedName.of("public", "users"), TableKind.ORDINARY, null,
                List.of(id, email, city, plan), null, List.of(new UniqueKey("users_email_key",
                UniqueKey.Kind.UNIQUE_CONSTRAINT, List.of("email"), null, false)), List.of(), List.of(), List.of());
        assertThat(masker.mask(users, id, 42L)).isEqualTo(42L);
        assertThat(masker.kindOf(users, email)).contains(MaskKind.EMAIL);
        assertThat((String) masker.mask(users, email, "jane@corp.example")).hasSizeLessThanOrEqualTo(40)
                .isEqualTo(masker.maskUnique(MaskKind.EMAIL, "jane@corp.example", 40));
        assertThat(masker.mask(users, city, "Paris")).isEqualTo(masker.mask(MaskKind.CITY, "Paris"));
        assertThat(masker.kindOf(users, plan)).isEmpty();
    }

    @Test
    void shortKeysAreRefusedAndTheKeyIsNeverPrinted() {
        assertThatThrownBy(() -> Masker.withKey("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes").hasMessageNotContaining("short\"");
        assertThat(masker.toString()).doesNotContain("0123456789abcdef");
    }
}

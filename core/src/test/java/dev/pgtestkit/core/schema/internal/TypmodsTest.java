package dev.pgtestkit.core.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.schema.internal.Typmods.Modifier;
import org.junit.jupiter.api.Test;

/** Typmod values as Postgres stores them (see {@code format_type} / {@code numerictypmodout}). */
class TypmodsTest {

    @Test
    void characterTypesStoreTheLengthPlusTheVarlenaHeader() {
        assertThat(Typmods.decode("varchar", 259)).isEqualTo(new Modifier(255, null, null));
        assertThat(Typmods.decode("bpchar", 6)).isEqualTo(new Modifier(2, null, null));
    }

    @Test
    void bitTypesStoreTheLengthAsIs() {
        assertThat(Typmods.decode("bit", 8)).isEqualTo(new Modifier(8, null, null));
        assertThat(Typmods.decode("varbit", 16)).isEqualTo(new Modifier(16, null, null));
    }

    @Test
    void numericPacksPrecisionAndScale() {
        assertThat(Typmods.decode("numeric", (10 << 16 | 2) + 4)).isEqualTo(new Modifier(null, 10, 2));
        assertThat(Typmods.decode("numeric", (5 << 16) + 4)).isEqualTo(new Modifier(null, 5, 0));
    }

    @Test
    void numericScaleMayBeNegativeSincePostgres15() {
        // numeric(5,-2): scale stored in 11 bits, two's complement.
        assertThat(Typmods.decode("numeric", (5 << 16 | (-2 & 0x7FF)) + 4)).isEqualTo(new Modifier(null, 5, -2));
    }

    @Test
    void timeTypesCarryFractionalSecondPrecision() {
        assertThat(Typmods.decode("timestamp", 0)).isEqualTo(new Modifier(null, 0, null));
        assertThat(Typmods.decode("timetz", 3)).isEqualTo(new Modifier(null, 3, null));
    }

    @Test
    void intervalKeepsPrecisionInTheLowBitsAndFieldsAbove() {
        int dayToSecondFields = 0x7FFF << 16;
        assertThat(Typmods.decode("interval", dayToSecondFields | 0xFFFF)).isEqualTo(Modifier.NONE);
        assertThat(Typmods.decode("interval", dayToSecondFields | 3)).isEqualTo(new Modifier(null, 3, null));
    }

    @Test
    void noModifierOrAnUnmodifiableTypeGivesNothing() {
        assertThat(Typmods.decode("varchar", -1)).isEqualTo(Modifier.NONE);
        assertThat(Typmods.decode("vector", 1536)).isEqualTo(Modifier.NONE);
    }
}

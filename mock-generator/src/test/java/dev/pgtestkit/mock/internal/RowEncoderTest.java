package dev.pgtestkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.mock.CopyFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowEncoderTest {

    @Test
    void textFormatEscapesAndMarksNull() {
        StringBuilder out = new StringBuilder();
        new RowEncoder(CopyFormat.TEXT).append(out, new Object[] {"a\tb\nc\\d", null, 5L, true}, null);
        assertThat(out).hasToString("a\\tb\\nc\\\\d\t\\N\t5\tt\n");
    }

    @Test
    void csvQuotesEveryValueSoEmptyAndNullDiffer() {
        StringBuilder out = new StringBuilder();
        new RowEncoder(CopyFormat.CSV).append(out, new Object[] {"say \"hi\", ok", "", null}, null);
        assertThat(out).hasToString("\"say \"\"hi\"\", ok\",\"\",\n");
    }

    @Test
    void masksBackfilledColumns() {
        StringBuilder out = new StringBuilder();
        new RowEncoder(CopyFormat.TEXT).append(out, new Object[] {1, 2}, new boolean[] {false, true});
        assertThat(out).hasToString("1\t\\N\n");
    }

    @Test
    void formatsValuesAsPostgresReadsThem() {
        assertThat(PgText.format(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(PgText.format(LocalDate.of(2024, 2, 9))).isEqualTo("2024-02-09");
        assertThat(PgText.format(LocalDateTime.of(2024, 2, 9, 3, 4, 5, 120_000_000)))
                .isEqualTo("2024-02-09 03:04:05.120000");
        assertThat(PgText.format(OffsetDateTime.of(2024, 2, 9, 3, 4, 5, 0, ZoneOffset.UTC)))
                .isEqualTo("2024-02-09 03:04:05+00:00");
        assertThat(PgText.format(new byte[] {0x0a, (byte) 0xff})).isEqualTo("\\x0aff");
        assertThat(PgText.format(List.of("a,b", "q\"x"))).isEqualTo("{\"a,b\",\"q\\\"x\"}");
    }
}

package dev.pgtestkit.core.rows.internal;

import static dev.pgtestkit.core.rows.internal.SchemaFixtures.arrayOf;
import static dev.pgtestkit.core.rows.internal.SchemaFixtures.base;
import static dev.pgtestkit.core.rows.internal.SchemaFixtures.column;
import static dev.pgtestkit.core.rows.internal.SchemaFixtures.enumType;
import static dev.pgtestkit.core.rows.internal.SchemaFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.rows.ValueConversionException;
import dev.pgtestkit.core.schema.Column;
import dev.pgtestkit.core.schema.PgType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueConverterTest {

    private static final PgType INT4 = base("int4", "integer");
    private static final PgType MOOD = enumType("mood", "sad", "ok", "happy");

    private enum Mood { sad, ok, happy }

    private static Object convert(PgType type, Object value) {
        Column column = column("c", type);
        return SqlBuilder.convert(table("t", column), column, value);
    }

    @Test
    void integersAcceptNumbersAndDigitStrings() {
        assertThat(convert(INT4, 42L)).isEqualTo(42);
        assertThat(convert(INT4, " 7 ")).isEqualTo(7);
        assertThat(convert(INT4, new BigDecimal("3.00"))).isEqualTo(3);
        assertThat(convert(base("int8", "bigint"), 5)).isEqualTo(5L);
        assertThat(convert(base("int2", "smallint"), "12")).isEqualTo(12);
    }

    @Test
    void integerConversionFailureNamesColumnTypeAndValue() {
        Column age = column("age", INT4);
        assertThatThrownBy(() -> SqlBuilder.convert(table("users", age), age, "abc"))
                .isInstanceOf(ValueConversionException.class)
                .hasMessage("Cannot convert value 'abc' for column 'users.age' of type integer: expected a whole number");
    }

    @Test
    void integersRejectFractionsAndOverflow() {
        assertThatThrownBy(() -> convert(INT4, 1.5))
                .hasMessage("Cannot convert value 1.5 for column 't.c' of type integer: expected a whole number, got 1.5");
        assertThatThrownBy(() -> convert(base("int2", "smallint"), 40_000))
                .hasMessage("Cannot convert value 40000 for column 't.c' of type smallint: out of range -32768..32767");
    }

    @Test
    void numericKeepsExactDecimals() {
        PgType numeric = base("numeric", "numeric(10,2)");
        assertThat(convert(numeric, "19.99")).isEqualTo(new BigDecimal("19.99"));
        assertThat(convert(numeric, 19.99)).isEqualTo(new BigDecimal("19.99"));
        assertThat(convert(numeric, 3L)).isEqualTo(new BigDecimal(3));
        assertThat(convert(numeric, "NaN")).isEqualTo("NaN");
    }

    @Test
    void booleansAcceptCommonSpellings() {
        PgType bool = base("bool", "boolean");
        assertThat(convert(bool, "yes")).isEqualTo(true);
        assertThat(convert(bool, "F")).isEqualTo(false);
        assertThat(convert(bool, 1)).isEqualTo(true);
        assertThatThrownBy(() -> convert(bool, "maybe")).hasMessageEndingWith(
                "expected a Boolean or one of true/false, t/f, yes/no, on/off, 1/0");
    }

    @Test
    void uuidsAcceptUuidAndText() {
        UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
        assertThat(convert(base("uuid", "uuid"), id)).isEqualTo(id);
        assertThat(convert(base("uuid", "uuid"), "550E8400-E29B-41D4-A716-446655440000")).isEqualTo(id);
        assertThatThrownBy(() -> convert(base("uuid", "uuid"), "1-1-1-1-1")).hasMessage("Cannot convert value '1-1-1-1-1'"
                + " for column 't.c' of type uuid: expected a UUID or a string like 550e8400-e29b-41d4-a716-446655440000");
    }

    @Test
    void enumsTakeLabelsOrJavaEnums() {
        assertThat(convert(MOOD, "ok")).isEqualTo("ok");
        assertThat(convert(MOOD, Mood.happy)).isEqualTo("happy");
    }

    @Test
    void unknownEnumLabelListsTheLabelsAndSuggests() {
        assertThatThrownBy(() -> convert(MOOD, "OK")).hasMessage("Cannot convert value 'OK' for column 't.c' of type"
                + " mood: not a label of enum mood (labels: sad, ok, happy). Did you mean: ok?");
    }

    @Test
    void jsonTakesMapsListsAndJsonText() {
        PgType jsonb = base("jsonb", "jsonb");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("tags", List.of("x", "y"));
        assertThat(convert(jsonb, map)).isEqualTo("{\"a\":1,\"tags\":[\"x\",\"y\"]}");
        assertThat(convert(jsonb, List.of(1, 2))).isEqualTo("[1,2]");
        assertThat(convert(jsonb, "{\"b\": true}")).isEqualTo("{\"b\": true}");
        assertThat(convert(jsonb, "\"plain words\"")).isEqualTo("\"plain words\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> convert(jsonb, "plain words"))
                .hasMessageContaining("not valid JSON"); // malformed text is an error, not a JSON string
    }

    @Test
    void timestampsWithZoneAcceptInstantsAndIsoText() {
        PgType tz = base("timestamptz", "timestamp with time zone");
        assertThat(convert(tz, Instant.parse("2024-05-31T10:15:30Z"))).isEqualTo("2024-05-31T10:15:30Z");
        assertThat(convert(tz, OffsetDateTime.of(2024, 5, 31, 12, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2024-05-31T12:00+02:00");
        assertThat(convert(tz, "2024-05-31 12:00:00+02")).isEqualTo("2024-05-31T12:00+02:00");
        assertThat(convert(tz, OffsetDateTime.MAX)).isEqualTo("infinity");
    }

    @Test
    void timestampsWithoutZoneUseLocalTimeAndTheJvmZoneForInstants() {
        PgType ts = base("timestamp", "timestamp without time zone");
        assertThat(convert(ts, LocalDateTime.of(2024, 5, 31, 10, 0))).isEqualTo("2024-05-31T10:00");
        assertThat(convert(ts, "2024-05-31T10:00:05")).isEqualTo("2024-05-31T10:00:05");
        Instant instant = Instant.parse("2024-05-31T10:00:00Z");
        assertThat(convert(ts, instant)).isEqualTo(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).toString());
    }

    @Test
    void badTimestampTextSaysWhatIsExpected() {
        assertThatThrownBy(() -> convert(base("timestamptz", "timestamp with time zone"), "yesterday"))
                .hasMessage("Cannot convert value 'yesterday' for column 't.c' of type timestamp with time zone:"
                        + " expected an ISO date-time like 2024-05-31T13:45:00Z or 2024-05-31 13:45:00");
        assertThatThrownBy(() -> convert(base("timestamptz", "timestamp with time zone"), 1717150000000L))
                .hasMessageEndingWith("got Long (for epoch milliseconds use Instant.ofEpochMilli)");
    }

    @Test
    void datesAndTimes() {
        assertThat(convert(base("date", "date"), LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(convert(base("date", "date"), "2024-02-29")).isEqualTo("2024-02-29");
        assertThat(convert(base("time", "time"), LocalTime.of(13, 45))).isEqualTo("13:45");
        assertThat(convert(base("timetz", "time with time zone"), "13:45:00+02")).isEqualTo("13:45+02:00");
        assertThatThrownBy(() -> convert(base("date", "date"), "31/05/2024"))
                .hasMessageEndingWith("expected a date like 2024-05-31");
    }

    @Test
    void byteaTakesBytesAndHexText() {
        assertThat((byte[]) convert(base("bytea", "bytea"), "\\x0aff")).containsExactly(0x0a, 0xff);
        assertThat((byte[]) convert(base("bytea", "bytea"), new byte[] {1, 2})).containsExactly(1, 2);
        assertThatThrownBy(() -> convert(base("bytea", "bytea"), "hello"))
                .hasMessageEndingWith("expected byte[], ByteBuffer or hex text like \\x0a1b");
    }

    @Test
    void intervalsTakeDurations() {
        assertThat(convert(base("interval", "interval"), Duration.ofMinutes(90))).isEqualTo("PT1H30M");
    }

    @Test
    void textRejectsStructures() {
        assertThat(convert(base("varchar", "character varying(10)"), 12)).isEqualTo("12");
        assertThatThrownBy(() -> convert(base("text", "text"), Map.of("a", 1)))
                .hasMessageStartingWith("Cannot convert value {a: 1} for column 't.c' of type text: expected a String");
    }

    @Test
    void arraysBecomeQuotedLiteralsWithNullsAndNesting() {
        assertThat(convert(arrayOf(INT4), List.of(1, 2, 3))).isEqualTo("{\"1\",\"2\",\"3\"}");
        assertThat(convert(arrayOf(base("text", "text")), Arrays.asList("a\"b", null, "c\\d")))
                .isEqualTo("{\"a\\\"b\",NULL,\"c\\\\d\"}");
        assertThat(convert(arrayOf(INT4), new int[][] {{1, 2}, {3, 4}})).isEqualTo("{{\"1\",\"2\"},{\"3\",\"4\"}}");
        assertThat(convert(arrayOf(MOOD), List.of(Mood.sad, "ok"))).isEqualTo("{\"sad\",\"ok\"}");
        assertThat(convert(arrayOf(base("bool", "boolean")), List.of(true, false))).isEqualTo("{\"t\",\"f\"}");
    }

    @Test
    void badArrayElementIsPointedAt() {
        assertThatThrownBy(() -> convert(arrayOf(MOOD), List.of("ok", "meh"))).hasMessage("Cannot convert value"
                + " ['ok', 'meh'] for column 't.c' of type mood[]: element [1]: not a label of enum mood (labels: sad,"
                + " ok, happy)");
    }

    @Test
    void secretColumnsAreNotShownInMessages() {
        Column password = column("password_hash", INT4);
        assertThatThrownBy(() -> SqlBuilder.convert(table("users", password), password, "hunter2"))
                .hasMessage("Cannot convert value *** for column 'users.password_hash' of type integer:"
                        + " expected a whole number");
    }

    @Test
    void nullStaysNull() {
        assertThat(convert(INT4, null)).isNull();
    }
}

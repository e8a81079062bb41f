package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Conversion in both directions for every common type (hard-case {@code type_samples}), and round trips. */
class RowsTypesIT extends DatabaseTestBase {

    RowsTypesIT() {
        super(SeedSchemas.HARDCASES);
    }

    private enum Mood { sad, ok, happy }

    private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

    private static Map<String, Object> everyType() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("c_smallint", (short) 7);
        values.put("c_integer", "42");
        values.put("c_bigint", 9_000_000_000L);
        values.put("c_real", 1.5f);
        values.put("c_double", 2.25);
        values.put("c_numeric", "12345678901234567890.123456789");
        values.put("c_numeric_5", 123);
        values.put("c_text", "héllo 'quoted' \"x\" \\ back");
        values.put("c_char", "ab");
        values.put("c_varchar", "v");
        values.put("c_bit", "10101010");
        values.put("c_varbit", "101");
        values.put("c_boolean", "yes");
        values.put("c_date", LocalDate.of(2024, 2, 29));
        values.put("c_time", LocalTime.of(13, 45, 30, 123_000_000));
        values.put("c_timetz", "13:45:00+02");
        values.put("c_timestamp", LocalDateTime.of(2024, 5, 31, 10, 0, 5));
        values.put("c_timestamptz", Instant.parse("2024-05-31T10:15:30.5Z"));
        values.put("c_interval", Duration.ofHours(26));
        values.put("c_uuid", ID.toString());
        values.put("c_json", Map.of("a", 1, "nested", Map.of("b", List.of(true, "x"))));
        values.put("c_jsonb", List.of(Map.of("k", "v"), 2.5));
        values.put("c_bytea", new byte[] {0, 1, (byte) 0xfe});
        values.put("c_inet", "192.168.0.1/24");
        values.put("c_cidr", "10.0.0.0/8");
        values.put("c_macaddr", "08:00:2b:01:02:03");
        values.put("c_int4range", "[1,10)");
        values.put("c_tstzrange", "[2024-01-01T00:00:00Z,2024-02-01T00:00:00Z)");
        values.put("c_int_matrix", List.of(List.of(1, 2), List.of(3, 4)));
        values.put("c_text_array", Arrays.asList("a", null, "c,d", "quote\"d"));
        values.put("c_mood", Mood.ok);
        values.put("c_address", "(\"1 Main St\",Springfield,12345)");
        return values;
    }

    @Test
    void everyTypeComesBackAsItsJavaType() {
        Map<String, Object> row = rows.insert("type_samples", everyType());

        assertThat(row.get("c_smallint")).isEqualTo(7);
        assertThat(row.get("c_integer")).isEqualTo(42);
        assertThat(row.get("c_bigint")).isEqualTo(9_000_000_000L);
        assertThat(row.get("c_real")).isEqualTo(1.5f);
        assertThat(row.get("c_double")).isEqualTo(2.25);
        assertThat(row.get("c_numeric")).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(row.get("c_numeric_5")).isEqualTo(new BigDecimal("123"));
        assertThat(row.get("c_text")).isEqualTo("héllo 'quoted' \"x\" \\ back");
        assertThat(row.get("c_char")).isEqualTo("ab ");
        assertThat(row.get("c_bit")).isEqualTo("10101010");
        assertThat(row.get("c_boolean")).isEqualTo(true);
        assertThat(row.get("c_date")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get("c_time")).isEqualTo(LocalTime.of(13, 45, 30, 123_000_000));
        assertThat(row.get("c_timetz")).isEqualTo(OffsetTime.of(13, 45, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(row.get("c_timestamp")).isEqualTo(LocalDateTime.of(2024, 5, 31, 10, 0, 5));
        assertThat(row.get("c_timestamptz"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 31, 10, 15, 30, 500_000_000, ZoneOffset.UTC));
        assertThat(row.get("c_interval")).isEqualTo("26:00:00");
        assertThat(row.get("c_uuid")).isEqualTo(ID);
        assertThat(row.get("c_json")).isEqualTo(Map.of("a", 1, "nested", Map.of("b", List.of(true, "x"))));
        assertThat(row.get("c_jsonb")).isEqualTo(List.of(Map.of("k", "v"), 2.5));
        assertThat((byte[]) row.get("c_bytea")).containsExactly(0, 1, 0xfe);
        assertThat(row.get("c_inet")).isEqualTo("192.168.0.1/24");
        assertThat(row.get("c_int4range")).isEqualTo("[1,10)");
        assertThat(row.get("c_int_matrix")).isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
        assertThat(row.get("c_text_array")).isEqualTo(Arrays.asList("a", null, "c,d", "quote\"d"));
        assertThat(row.get("c_mood")).isEqualTo("ok");
        assertThat(row.get("c_address")).isEqualTo("(\"1 Main St\",Springfield,12345)");
    }

    @Test
    void whatWasFetchedCanBeInsertedAgainUnchanged() {
        Map<String, Object> fetched = new LinkedHashMap<>(rows.insert("type_samples", everyType()));
        fetched.remove("id");

        Map<String, Object> again = new LinkedHashMap<>(rows.insert("type_samples", fetched));
        again.remove("id");

        assertThat(again).usingRecursiveComparison().isEqualTo(fetched);
    }

    @Test
    void nullsRoundTripForEveryType() {
        Map<String, Object> nulls = new LinkedHashMap<>();
        everyType().keySet().forEach(column -> nulls.put(column, null));

        Map<String, Object> row = rows.insert("type_samples", nulls);

        assertThat(row.values().stream().skip(1)).containsOnlyNulls();
    }

    @Test
    void enumArraysDomainsAndJsonbOnCustomers() {
        Map<String, Object> customer = rows.insert("customers", Map.of("email", "a@b.io", "fullName", "A",
                "moods", List.of(Mood.happy, "sad"), "preferences", Map.of("theme", "dark", "sizes", List.of(1, 2)),
                "homeAddress", "(Elm,Paris,75001)"));

        assertThat(customer.get("moods")).isEqualTo(List.of("happy", "sad"));
        assertThat(customer.get("email")).isEqualTo("a@b.io");
        assertThat(customer.get("preferences")).isEqualTo(Map.of("theme", "dark", "sizes", List.of(1, 2)));
        assertThat(customer.get("created_at")).isInstanceOf(OffsetDateTime.class);
    }

    @Test
    void conditionsCompareJsonArraysAndEnumsByValue() {
        rows.insert("type_samples", Map.of("c_json", Map.of("a", 1), "c_jsonb", List.of(1), "c_mood", "sad",
                "c_text_array", List.of("x", "y"), "c_uuid", ID));
        rows.insert("type_samples", Map.of("c_json", Map.of("a", 2), "c_mood", "happy"));

        assertThat(rows.count("type_samples", Map.of("c_json", Map.of("a", 1)))).isEqualTo(1);
        assertThat(rows.count("type_samples", Map.of("c_jsonb", List.of(1)))).isEqualTo(1);
        assertThat(rows.count("type_samples", Map.of("c_text_array", List.of("x", "y")))).isEqualTo(1);
        assertThat(rows.count("type_samples", Map.of("c_mood", List.of(Mood.sad, Mood.happy)))).isEqualTo(2);
        assertThat(rows.count("type_samples", Map.of("c_uuid", ID.toString()))).isEqualTo(1);
    }

    @Test
    void timestampsAcceptEveryJavaFormAndStayTheSameInstant() {
        OffsetDateTime paris = OffsetDateTime.of(2024, 5, 31, 12, 15, 30, 0, ZoneOffset.ofHours(2));

        for (Object value : List.of(paris, paris.toInstant(), paris.toZonedDateTime(), "2024-05-31 12:15:30+02:00",
                "2024-05-31T10:15:30Z", java.sql.Timestamp.from(paris.toInstant()))) {
            Map<String, Object> row = rows.insert("type_samples", Map.of("c_timestamptz", value));
            assertThat(((OffsetDateTime) row.get("c_timestamptz")).toInstant()).as("%s", value)
                    .isEqualTo(paris.toInstant());
        }
    }

    @Test
    void numericAcceptsNumbersAndStringsExactly() {
        for (Object value : List.of(new BigDecimal("10.25"), 10.25, "10.25", 10.25f)) {
            Map<String, Object> row = rows.insert("type_samples", Map.of("c_numeric", value));
            assertThat(row.get("c_numeric")).as("%s", value).isEqualTo(new BigDecimal("10.25"));
        }
    }

    @Test
    void voiceNoteEnumsAndJsonDefaults() {
        try (DisposableDatabase voice = checkout(SeedSchemas.VOICENOTE)) {
            Rows app = Rows.of(voice.dataSource());
            Map<String, Object> user = app.insert("users", Map.of("id", "u1", "email", "u1@x.io",
                    "primaryRole", "TEACHER", "workDays", List.of(1, 2, 3)));

            assertThat(user.get("primary_role")).isEqualTo("TEACHER");
            assertThat(user.get("jargons")).isEqualTo(List.of());
            assertThat(user.get("work_days")).isEqualTo(List.of(1, 2, 3));
            assertThat(user.get("admin_permissions")).isEqualTo(Map.of());
        }
    }
}

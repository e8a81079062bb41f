package dev.pgtestkit.core.rows.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.rows.FixtureException;
import dev.pgtestkit.core.rows.internal.FixtureReader.FixtureTable;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixtureReaderTest {

    private static List<FixtureTable> read(String name, String text) {
        return FixtureReader.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTablesAndRowsWithTheirLines() {
        List<FixtureTable> tables = read("shop.json", """
                {
                  "orders": [
                    {"customer": {"email": "a@b.c"}, "total": 12.50}
                  ],
                  "customers": [
                    {"email": "a@b.c"},
                    {"email": "d@e.f"}
                  ]
                }
                """);
        assertThat(tables).extracting(FixtureTable::name).containsExactly("orders", "customers");
        assertThat(tables.get(0).line()).isEqualTo(2);
        assertThat(tables.get(1).rows()).extracting(FixtureReader.FixtureRow::line).containsExactly(6, 7);
        assertThat(tables.get(0).rows().get(0).values())
                .isEqualTo(Map.of("customer", Map.of("email", "a@b.c"), "total", new BigDecimal("12.50")));
    }

    @Test
    void readsYaml() {
        List<FixtureTable> tables = read("shop.yml", """
                customers:
                  - email: a@b.c
                    moods: [ok, happy]
                  - email: d@e.f
                """);
        assertThat(tables.get(0).rows()).hasSize(2);
        assertThat(tables.get(0).rows().get(0).values()).containsEntry("moods", List.of("ok", "happy"));
        assertThat(tables.get(0).rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void yamlScalarsFollowTheCoreSchemaAndLeaveTextForTheColumnTypeToConvert() {
        List<FixtureTable> tables = read("types.yaml", """
                events:
                  - id: 9223372036854775808
                    count: 42
                    price: 12.50
                    active: true
                    answer: yes
                    day: 2024-02-29
                    note: ~
                    code: "007"
                    tags: {a: 1}
                """);
        Map<String, Object> row = tables.get(0).rows().get(0).values();
        assertThat(row.get("id")).isEqualTo(new java.math.BigInteger("9223372036854775808"));
        assertThat(row.get("count")).isEqualTo(42L);
        assertThat(row.get("price")).isEqualTo(new BigDecimal("12.50"));
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(row.get("answer")).isEqualTo("yes");
        assertThat(row.get("day")).isEqualTo("2024-02-29");
        assertThat(row).containsEntry("note", null);
        assertThat(row.get("code")).isEqualTo("007");
        assertThat(row.get("tags")).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void malformedYamlReportsLineAndColumn() {
        assertThatThrownBy(() -> read("bad.yaml", "users:\n  - email: a@b.c\n    name: [unclosed\n"))
                .isInstanceOf(FixtureException.class)
                .hasMessageStartingWith("Fixture 'bad.yaml' is not valid YAML (line 4")
                .satisfies(e -> assertThat(((FixtureException) e).line()).isEqualTo(4));
    }

    @Test
    void repeatedYamlTableOrColumnIsRejectedWithItsLine() {
        assertThatThrownBy(() -> read("bad.yaml", "users: []\nusers: []\n"))
                .hasMessage("Fixture 'bad.yaml' is not valid YAML (line 2, column 1): Duplicate field 'users'");
        assertThatThrownBy(() -> read("bad.yaml", "users:\n  - email: a\n    email: b\n"))
                .hasMessage("Fixture 'bad.yaml' is not valid YAML (line 3, column 5): Duplicate field 'email'");
    }

    @Test
    void yamlRowThatIsNotAnObjectIsPointedAt() {
        assertThatThrownBy(() -> read("bad.yaml", "users:\n  - email: a\n  - 42\n"))
                .hasMessage("Fixture 'bad.yaml', table 'users', row 1 (line 3): must be an object of column values;"
                        + " found a number.");
    }

    @Test
    void malformedJsonReportsLineAndColumn() {
        assertThatThrownBy(() -> read("bad.json", "{\n  \"users\": [\n    {\"email\": }\n  ]\n}"))
                .isInstanceOf(FixtureException.class)
                .hasMessageStartingWith("Fixture 'bad.json' is not valid JSON (line 3, column 15): Unexpected character")
                .satisfies(e -> assertThat(((FixtureException) e).line()).isEqualTo(3));
    }

    @Test
    void rowThatIsNotAnObjectIsPointedAt() {
        assertThatThrownBy(() -> read("bad.json", "{\"users\": [\n {\"email\": \"a@b.c\"},\n 42\n]}"))
                .isInstanceOf(FixtureException.class)
                .hasMessage("Fixture 'bad.json', table 'users', row 1 (line 3): must be an object of column values;"
                        + " found a number.");
    }

    @Test
    void topLevelMustBeAnObject() {
        assertThatThrownBy(() -> read("bad.json", "[{\"email\": \"a@b.c\"}]"))
                .hasMessage("Fixture 'bad.json' (line 1): must hold an object of table names to lists of rows, like"
                        + " {\"users\": [{\"email\": \"a@b.c\"}]}; found a list.");
    }

    @Test
    void tableMustBeAList() {
        assertThatThrownBy(() -> read("bad.yaml", "users:\n  email: a@b.c\n"))
                .hasMessage("Fixture 'bad.yaml', table 'users' (line 2): must be a list of rows; found an object.");
    }

    @Test
    void repeatedTableOrColumnIsRejected() {
        assertThatThrownBy(() -> read("bad.json", "{\"users\": [],\n \"users\": []}"))
                .hasMessage("Fixture 'bad.json' is not valid JSON (line 2, column 9): Duplicate field 'users'");
        assertThatThrownBy(() -> read("bad.json", "{\"users\": [{\"email\": 1, \"email\": 2}]}"))
                .hasMessageContaining("Duplicate field 'email'");
    }

    @Test
    void unknownExtensionIsRejected() {
        assertThatThrownBy(() -> read("data.csv", "a,b"))
                .hasMessage("Fixture 'data.csv' has an unknown format; name it *.json, *.yaml or *.yml.");
    }

    @Test
    void emptyFileHasNoTables() {
        assertThat(read("empty.json", "")).isEmpty();
    }
}

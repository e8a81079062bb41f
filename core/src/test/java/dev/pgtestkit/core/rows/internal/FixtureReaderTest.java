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

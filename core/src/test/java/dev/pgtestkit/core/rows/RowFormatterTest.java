package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFormatterTest {

    private final RowFormatter formatter = RowFormatter.builder().maxStringLength(10).maxItems(3).maxDepth(2).build();

    @Test
    void cutsLongStringsAndSaysHowMuchIsLeft() {
        assertThat(formatter.format("abcdefghijklmnop")).isEqualTo("'abcdefghij…(+6 chars)'");
        assertThat(formatter.format("short")).isEqualTo("'short'");
    }

    @Test
    void showsRowsInOrderWithNestedValues() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 7);
        row.put("tags", List.of("a", "b"));
        row.put("meta", Map.of("k", "v"));
        assertThat(formatter.format(row)).isEqualTo("{id: 7, tags: ['a', 'b'], meta: {k: 'v'}}");
    }

    @Test
    void limitsItemsAndDepth() {
        assertThat(formatter.format(List.of(1, 2, 3, 4, 5))).isEqualTo("[1, 2, 3, …(+2 more)]");
        assertThat(formatter.format(Map.of("a", Map.of("b", Map.of("c", 1))))).isEqualTo("{a: {b: {…1 keys}}}");
    }

    @Test
    void showsJsonHeldInStringsAsStructure() {
        assertThat(formatter.format("{\"user\": {\"name\": \"Ada Lovelace the first\"}}"))
                .isEqualTo("{user: {name: 'Ada Lovela…(+12 chars)'}}");
    }

    @Test
    void hidesSecretLookingKeys() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", "a@b.c");
        row.put("hashed_password", "x");
        row.put("api_key", "k");
        row.put("token", null);
        assertThat(RowFormatter.defaults().format(row))
                .isEqualTo("{email: 'a@b.c', hashed_password: ***, api_key: ***, token: null}");
    }

    @Test
    void showsBytesAsHexWithLength() {
        assertThat(formatter.format(new byte[] {1, 2, (byte) 0xff})).isEqualTo("\\x0102ff (3 bytes)");
    }

    @Test
    void nullIsNull() {
        assertThat(formatter.format(null)).isEqualTo("null");
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThatThrownBy(() -> RowFormatter.builder().maxItems(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxItems must be at least 1, got 0");
    }
}

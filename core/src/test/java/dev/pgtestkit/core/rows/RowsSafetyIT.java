package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.SchemaException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The row API stores the data it is given or fails; cleanup never deletes a protected row, by any path. */
class RowsSafetyIT extends DatabaseTestBase {

    RowsSafetyIT() {
        super("classpath:db/safety");
    }

    @Test
    void malformedJsonForJsonbIsRejectedNotStoredAsAJsonString() {
        assertThatThrownBy(() -> rows.insert("docs", Map.of("body", "{\"theme\": dark}")))
                .isInstanceOf(ValueConversionException.class)
                .hasMessageContaining("column 'docs.body'")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> rows.insert("docs", Map.of("body", "dark"))).hasMessageContaining("not valid JSON");
        rows.insert("docs", Map.of("body", "\"dark\""));
        rows.insert("docs", Map.of("body", Map.of("theme", "dark")));
        assertThat(rows.count("docs")).isEqualTo(2);
    }

    @Test
    void cleanupKeepsTheParentOfAProtectedRowRatherThanCascadeToIt() {
        Fixtures fixtures = Fixtures.of(rows);
        rows.insert("owners", Map.of("id", 1L, "name", "unprotected parent"));
        rows.insert("owners", Map.of("id", 2L, "name", "doomed"));
        fixtures.protect("pets", rows.insert("pets", Map.of("id", 10L, "ownerId", 1L, "name", "protected child")));
        rows.insert("pets", Map.of("id", 11L, "ownerId", 2L, "name", "doomed child"));

        fixtures.cleanup();

        assertThat(rows.fetch("pets", Map.of())).extracting(r -> r.get("name")).containsExactly("protected child");
        assertThat(rows.fetch("owners", Map.of())).extracting(r -> r.get("name"))
                .containsExactly("unprotected parent");
    }

    @Test
    void protectedKeysCompareAsTheColumnsValuesWhateverTheirJavaType() {
        Fixtures fixtures = Fixtures.of(rows);
        UUID token = UUID.randomUUID();
        rows.insert("owners", Map.of("id", 7L, "name", "kept"));
        rows.insert("tokens", Map.of("id", token, "label", "kept"));
        rows.insert("tokens", Map.of("id", UUID.randomUUID(), "label", "doomed"));
        fixtures.protect("owners", Map.of("id", 7));                   // Integer for a bigint key
        fixtures.protect("tokens", Map.of("id", token.toString()));    // String for a uuid key

        fixtures.cleanup();

        assertThat(rows.count("owners")).isEqualTo(1);
        assertThat(rows.fetch("tokens", Map.of())).extracting(r -> r.get("label")).containsExactly("kept");
    }

    @Test
    void moreThanThirtyThousandProtectedKeysAreAllKept() {
        Fixtures fixtures = Fixtures.of(rows);
        rows.execute("INSERT INTO owners (id, name) SELECT g, 'owner ' || g FROM generate_series(1, 30001) g");
        fixtures.protectExisting();
        fixtures.protect("owners", rows.insert("owners", Map.of("id", 40_000, "name", "protected by an Integer")));
        rows.execute("INSERT INTO owners (id, name) SELECT g, 'doomed ' || g FROM generate_series(50001, 50004) g");

        fixtures.cleanup();

        assertThat(rows.count("owners")).isEqualTo(30_002);
        assertThat(rows.count("owners", Map.of("id", 50_001))).isZero();
    }

    @Test
    void protectingARowWithoutItsKeyIsAnError() {
        Fixtures fixtures = Fixtures.of(rows);
        assertThatThrownBy(() -> fixtures.protect("owners", Map.of("name", "no key")))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Cannot protect a row of table 'owners' without its key")
                .hasMessageContaining("[id]");
    }

    @Test
    void aNumericOverflowNamesTheColumnAndTheValue() {
        assertThatThrownBy(() -> rows.insert("readings", Map.of("id", 1, "value", new java.math.BigDecimal("1234.5"))))
                .isInstanceOf(ValueConversionException.class)
                .hasMessageContaining("1234.5")
                .hasMessageContaining("column 'readings.value'")
                .hasMessageContaining("numeric(5, 2)");
        rows.insert("readings", Map.of("id", 2, "value", 999.99));
        assertThat(rows.count("readings")).isEqualTo(1);
    }

    @Test
    void aDatabaseUsedAfterCloseSaysItWasDroppedAndByWhat() throws InterruptedException {
        dev.pgtestkit.core.DisposableDatabase other = checkout("classpath:db/safety");
        Rows early = Rows.of(other.dataSource());
        other.close();
        assertThatThrownBy(other::connect).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Database '" + other.name() + "' was closed, which dropped it");
        Throwable failure = null;
        for (int i = 0; i < 100 && (failure == null || !failure.getMessage().contains(other.name())); i++) {
            try { // the drop happens in the background; it ends the session Rows holds (57P01), then the database
                early.count("owners");
                Thread.sleep(100);
            } catch (dev.pgtestkit.core.ConnectionException e) {
                failure = e;
                assertThat(e).hasMessageContaining("DisposableDatabase.close()");
            }
        }
        assertThat(failure).isNotNull().hasMessageContaining(other.name())
                .hasMessageContaining("does not exist");
    }

    @Test
    void cleanupNeverEmptiesFlywaysHistory() {
        rows.insert("owners", Map.of("id", 1L, "name", "doomed"));

        Fixtures.of(rows).cleanup();

        assertThat(rows.count("owners")).isZero();
        assertThat(rows.count("flyway_schema_history")).isPositive();
    }
}

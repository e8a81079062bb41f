package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fixture files in scrambled order with natural-key references, protection and cleanup, and bad files. */
class FixturesIT extends DatabaseTestBase {

    private Fixtures fixtures;

    FixturesIT() {
        super(SeedSchemas.HARDCASES);
    }

    @BeforeEach
    void createFixtures() {
        fixtures = Fixtures.of(rows);
    }

    private Object idOf(String table, String column, Object value) {
        return rows.getBy(table, column, value).orElseThrow().get("id");
    }

    @Test
    void loadsTablesParentsFirstWhateverTheFileOrder() {
        TableRows loaded = fixtures.loadResource("fixtures/shop.json");

        List<String> order = loaded.byTable().keySet().stream().map(QualifiedName::name).toList();
        assertThat(order).containsExactlyInAnyOrder("categories", "customers", "products", "orders", "order_lines",
                "warehouses", "stock_levels");
        assertThat(order.indexOf("categories")).isLessThan(order.indexOf("products"));
        assertThat(order.indexOf("customers")).isLessThan(order.indexOf("orders"));
        assertThat(order.indexOf("orders")).isLessThan(order.indexOf("order_lines"));
        assertThat(order.indexOf("products")).isLessThan(order.indexOf("order_lines"));
        assertThat(order.indexOf("warehouses")).isLessThan(order.indexOf("stock_levels"));
        assertThat(order.indexOf("products")).isLessThan(order.indexOf("stock_levels"));
        assertThat(loaded.count()).isEqualTo(10);
        assertThat(rows.count("order_lines")).isEqualTo(2);
    }

    @Test
    void resolvesReferencesByNaturalKeyAndById() {
        fixtures.loadResource("fixtures/shop.json");

        Object orderId = idOf("orders", "note", "first order");
        assertThat(rows.getBy("orders", "id", orderId).orElseThrow().get("customer_id"))
                .isEqualTo(idOf("customers", "email", "ada@example.com"));
        assertThat(rows.from("order_lines").where("orderId", orderId).orderBy("lineNo").list())
                .extracting(r -> r.get("sku")).containsExactly("HAM-1", "SAW-1");
        assertThat(rows.getBy("products", "sku", "SAW-1").orElseThrow().get("category_id"))
                .isEqualTo(idOf("categories", "slug", "hand-tools"));
        assertThat(rows.fetchOne("stock_levels", Map.of("sku", "HAM-1")).orElseThrow())
                .containsEntry("region", "EU").containsEntry("warehouse_code", 1);
    }

    @Test
    void rowReferencingALaterRowOfItsOwnTableWaitsForIt() {
        TableRows loaded = fixtures.loadResource("fixtures/shop.json");

        assertThat(loaded.get("categories")).extracting(r -> r.get("slug")).containsExactly("hand-tools", "tools");
        assertThat(rows.getBy("categories", "slug", "hand-tools").orElseThrow().get("parent_id"))
                .isEqualTo(idOf("categories", "slug", "tools"));
    }

    @Test
    void keepsTheValuesTheirColumnTypesNeed() {
        TableRows loaded = fixtures.loadResource("fixtures/shop.json");

        Map<String, Object> hammer = loaded.get("products").get(0);
        assertThat(hammer.get("price")).isEqualTo(new BigDecimal("9.90"));
        assertThat(hammer.get("price_with_tax")).isEqualTo(new BigDecimal("11.88"));
        assertThat(hammer.get("tags")).isEqualTo(List.of("steel", "claw"));
        Map<String, Object> ada = loaded.get("customers").get(0);
        assertThat(ada.get("moods")).isEqualTo(List.of("happy"));
        assertThat(ada.get("preferences")).isEqualTo(Map.of("theme", "dark"));
        assertThat(loaded.get("orders").get(0).get("status")).isEqualTo("paid");
    }

    @Test
    void foreignKeyCycleThroughANullableColumnIsFilledInAfterwards() {
        TableRows loaded = fixtures.loadResource("fixtures/company.yaml");

        Object grace = idOf("employees", "full_name", "Grace Hopper");
        assertThat(rows.getBy("departments", "name", "Research").orElseThrow().get("manager_id")).isEqualTo(grace);
        assertThat(loaded.get("departments").get(0).get("manager_id")).isEqualTo(grace);
        Map<String, Object> alan = rows.getBy("employees", "full_name", "Alan Turing").orElseThrow();
        assertThat(alan.get("manager_id")).isEqualTo(grace);
        assertThat(alan.get("hired_on")).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(alan.get("salary")).isEqualTo(new BigDecimal("5000.00"));
    }

    @Test
    void referencesFindRowsAlreadyInTheDatabase() {
        Object tools = rows.insert("categories", Map.of("name", "Tools", "slug", "tools")).get("id");

        fixtures.loadResource("fixtures/db-reference.json");

        assertThat(rows.getBy("products", "sku", "HAM-1").orElseThrow().get("category_id")).isEqualTo(tools);
    }

    @Test
    void yamlFileOnTheKeepNotionSchema() {
        try (DisposableDatabase keep = checkout(SeedSchemas.KEEPNOTION)) {
            Rows keepRows = Rows.of(keep.dataSource());
            TableRows loaded = Fixtures.of(keepRows).load(Path.of("src/test/resources/fixtures/sync.yml"));

            Object jobId = loaded.get("sync_jobs").get(0).get("job_id");
            assertThat(loaded.get("sync_logs")).extracting(r -> r.get("job_id")).containsOnly(jobId);
            assertThat(loaded.get("sync_logs").get(1)).containsEntry("keep_note_id", "42")
                    .containsEntry("message", "note 42 failed");
            assertThat(loaded.get("sync_jobs").get(0).get("created_at")).isNotNull();
        }
    }

    @Test
    void cleanupKeepsProtectedRowsAndDeletesTheRestChildrenFirst() {
        fixtures.loadResourceProtected("fixtures/shop.json");
        Object ada = idOf("customers", "email", "ada@example.com");
        Map<String, Object> extraOrder = rows.insert("orders", Map.of("customerId", ada, "note", "test order"));
        rows.insert("order_lines", Map.of("orderId", extraOrder.get("id"), "lineNo", 1, "sku", "HAM-1",
                "quantity", 1, "unitPrice", 9.9));
        rows.insert("customers", Map.of("email", "temp@example.com", "fullName", "Temp"));
        rows.insert("events", Map.of("occurredAt", OffsetDateTime.parse("2025-06-01T10:00:00Z"), "kind", "login",
                "customerId", ada));
        rows.inSchema("audit").insert("events", Map.of("tableName", "customers", "action", "I", "customerId", ada));

        Map<QualifiedName, Integer> deleted = fixtures.cleanup();

        assertThat(deleted).containsEntry(QualifiedName.of("public", "order_lines"), 1)
                .containsEntry(QualifiedName.of("public", "orders"), 1)
                .containsEntry(QualifiedName.of("public", "customers"), 1)
                .containsEntry(QualifiedName.of("public", "events"), 1)
                .containsEntry(QualifiedName.of("audit", "events"), 1)
                .doesNotContainKey(QualifiedName.of("public", "events_2025"));
        assertThat(rows.fetch("orders", Map.of())).extracting(r -> r.get("note")).containsExactly("first order");
        assertThat(rows.count("order_lines")).isEqualTo(2);
        assertThat(rows.count("customers")).isEqualTo(1);
        assertThat(rows.count("categories")).isEqualTo(2);
        assertThat(fixtures.protectedRows()).isEqualTo(10);
    }

    @Test
    void cleanupWithoutProtectionEmptiesEveryTableDespiteCycles() {
        fixtures.loadResource("fixtures/shop.json");
        fixtures.loadResource("fixtures/company.yaml");

        fixtures.cleanup();

        for (String table : List.of("customers", "orders", "order_lines", "categories", "departments", "employees",
                "stock_levels", "warehouses")) {
            assertThat(rows.count(table)).as(table).isZero();
        }
    }

    @Test
    void protectedRowsInACycleSurviveCleanup() {
        fixtures.loadResourceProtected("fixtures/company.yaml");
        Object research = idOf("departments", "name", "Research");
        rows.insert("employees", Map.of("fullName", "Temp", "departmentId", research, "salary", 1,
                "hiredOn", "2024-01-01"));
        Object temp = idOf("employees", "full_name", "Temp");
        rows.insert("departments", Map.of("name", "Temp dept", "managerId", temp));

        fixtures.cleanup();

        assertThat(rows.fetch("employees", Map.of())).extracting(r -> r.get("full_name"))
                .containsExactlyInAnyOrder("Alan Turing", "Grace Hopper");
        assertThat(rows.fetch("departments", Map.of())).extracting(r -> r.get("name")).containsExactly("Research");
    }

    @Test
    void protectExistingKeepsRowsThatWereThereBefore() {
        rows.insert("warehouses", Map.of("region", "US", "code", 9, "name", "Before"));
        assertThat(fixtures.protectExisting()).isGreaterThanOrEqualTo(1);
        rows.insert("warehouses", Map.of("region", "US", "code", 10, "name", "During"));

        fixtures.cleanup();

        assertThat(rows.fetch("warehouses", Map.of())).extracting(r -> r.get("name")).containsExactly("Before");
    }

    @Test
    void protectMarksSingleRows() {
        Map<String, Object> kept = rows.insert("warehouses", Map.of("region", "US", "code", 9, "name", "Kept"));
        rows.insert("warehouses", Map.of("region", "US", "code", 10, "name", "Gone"));
        fixtures.protect("warehouse", kept);

        assertThat(fixtures.cleanup()).containsEntry(QualifiedName.of("public", "warehouses"), 1);
        assertThat(rows.count("warehouses")).isEqualTo(1);
    }

    @Test
    void unknownColumnNamesFileTableRowAndLine() {
        assertThatThrownBy(() -> fixtures.loadResource("fixtures/bad-column.json"))
                .isInstanceOf(FixtureException.class)
                .hasMessage("Fixture 'fixtures/bad-column.json', table 'customers', row 1 (line 4): Column 'emial' not"
                        + " found in table 'customers'. Available columns: id, customer_no, email, full_name, status,"
                        + " moods, preferences, home_address, external_ref, birth_date, created_at, deleted_at. Did you"
                        + " mean: email?")
                .satisfies(e -> {
                    FixtureException f = (FixtureException) e;
                    assertThat(f.file()).isEqualTo("fixtures/bad-column.json");
                    assertThat(f.table()).isEqualTo("customers");
                    assertThat(f.rowIndex()).isEqualTo(1);
                    assertThat(f.line()).isEqualTo(4);
                });
        assertThat(rows.count("customers")).isZero();
    }

    @Test
    void referenceToNoRowIsReportedAndNothingIsLoaded() {
        assertThatThrownBy(() -> fixtures.loadResource("fixtures/bad-reference.yaml"))
                .isInstanceOf(FixtureException.class)
                .hasMessage("Fixture 'fixtures/bad-reference.yaml', table 'orders', row 1 (line 6): Reference"
                        + " 'customer' {email: 'nobody@example.com'} matches no row of table 'customers' (looked among"
                        + " the fixture rows loaded so far and the database)");
        assertThat(rows.count("customers")).isZero();
        assertThat(rows.count("orders")).isZero();
    }

    @Test
    void unconvertibleValueIsReportedWithItsRow() {
        assertThatThrownBy(() -> fixtures.loadResource("fixtures/bad-value.json"))
                .isInstanceOf(FixtureException.class)
                .hasMessage("Fixture 'fixtures/bad-value.json', table 'products', row 0 (line 4): Cannot convert"
                        + " value 'lots' for column 'products.stock' of type positive_int: expected a whole number")
                .hasCauseInstanceOf(ValueConversionException.class);
    }

    @Test
    void malformedFileReportsLineAndColumn() {
        assertThatThrownBy(() -> fixtures.loadResource("fixtures/malformed.json"))
                .isInstanceOf(FixtureException.class)
                .hasMessage("Fixture 'fixtures/malformed.json' is not valid JSON (line 3, column 49): Unexpected"
                        + " character ('}' (code 125)): was expecting double-quote to start field name")
                .satisfies(e -> assertThat(((FixtureException) e).line()).isEqualTo(3));
    }

    @Test
    void unknownTableIsReportedWithItsLine() {
        assertThatThrownBy(() -> fixtures.loadResource("fixtures/unknown-table.json"))
                .isInstanceOf(FixtureException.class)
                .hasMessageStartingWith("Fixture 'fixtures/unknown-table.json', table 'custmers' (line 3): Table"
                        + " 'custmers' not found. Available tables: ")
                .hasMessageEndingWith("Did you mean: customers?");
    }

    @Test
    void missingFilesAreReported() {
        assertThatThrownBy(() -> fixtures.loadResource("fixtures/none.json")).isInstanceOf(FixtureException.class)
                .hasMessage("Fixture 'fixtures/none.json' is not on the classpath.");
        assertThatThrownBy(() -> fixtures.load(Path.of("no/such.yaml"))).isInstanceOf(FixtureException.class)
                .hasMessageStartingWith("Fixture 'no/such.yaml' does not exist (absolute path: ");
    }
}

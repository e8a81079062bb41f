package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Rows#cloneRow} and {@link Rows#cloneTree} (the seed's clone_project). */
class RowCloningIT extends DatabaseTestBase {

    private Map<String, Object> ada;

    RowCloningIT() {
        super(SeedSchemas.HARDCASES);
    }

    @BeforeEach
    void loadShop() {
        Fixtures.of(rows).loadResource("fixtures/shop.json");
        ada = rows.getBy("customers", "email", "ada@example.com").orElseThrow();
    }

    @Test
    void cloneRowGetsANewGeneratedKeyAndKeepsTheOtherValues() {
        Map<String, Object> copy = rows.cloneRow("customers", ada.get("id"),
                Map.of("email", "ada2@example.com", "externalRef", "ADA2"));

        assertThat(copy.get("id")).isNotEqualTo(ada.get("id"));
        assertThat(copy.get("customer_no")).isNotEqualTo(ada.get("customer_no"));
        assertThat(copy).containsEntry("full_name", "Ada Lovelace").containsEntry("email", "ada2@example.com")
                .containsEntry("moods", ada.get("moods")).containsEntry("preferences", ada.get("preferences"));
        assertThat(rows.count("customers")).isEqualTo(2);
    }

    @Test
    void keyWithoutDefaultComesFromTheOverrides() {
        Map<String, Object> copy = rows.cloneRow("products", "HAM-1", Map.of("sku", "HAM-2", "price", 20));

        assertThat(copy).containsEntry("sku", "HAM-2").containsEntry("name", "Hammer")
                .containsEntry("price_with_tax", new BigDecimal("24.00"));
    }

    @Test
    void keyWithoutDefaultAndNoOverrideIsExplained() {
        assertThatThrownBy(() -> rows.cloneRow("products", "HAM-1", Map.of()))
                .isInstanceOf(QueryException.class)
                .hasMessage("Cannot clone a row of table 'products': primary key column 'sku' has no default. Pass its"
                        + " new value in the overrides, e.g. {\"sku\": ...}.");
    }

    @Test
    void compositeKeyIsGivenAsAMap() {
        Map<String, Object> copy = rows.cloneRow("warehouses", Map.of("region", "EU", "code", 1),
                Map.of("code", 2, "name", "Second"));

        assertThat(copy).containsEntry("region", "EU").containsEntry("code", 2).containsEntry("name", "Second");
        assertThatThrownBy(() -> rows.cloneRow("warehouses", "EU", Map.of()))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Table 'warehouses' has a composite primary key (region, code); pass the source row's key"
                        + " as a map of column values.");
    }

    @Test
    void missingSourceRowIsExplained() {
        assertThatThrownBy(() -> rows.cloneRow("customers", 999L, Map.of()))
                .isInstanceOf(QueryException.class)
                .hasMessage("No row of table 'customers' matches {id: 999}; cloning needs exactly one source row.");
    }

    @Test
    void uuidKeyWithoutDefaultGetsARandomUuid() {
        rows.execute("CREATE TABLE documents (id uuid PRIMARY KEY, title text NOT NULL)");
        UUID id = UUID.randomUUID();
        rows.insert("documents", Map.of("id", id, "title", "Spec"));

        Map<String, Object> copy = rows.cloneRow("documents", id, Map.of());

        assertThat(copy.get("id")).isInstanceOf(UUID.class).isNotEqualTo(id);
        assertThat(copy.get("title")).isEqualTo("Spec");
    }

    @Test
    void cloneTreeCopiesChildRowsThroughEveryLevelAndRepointsThem() {
        rows.insert("events", Map.of("occurredAt", OffsetDateTime.parse("2025-03-01T08:00:00Z"), "kind", "login",
                "customerId", ada.get("id")));
        rows.inSchema("audit").insert("events", Map.of("tableName", "customers", "action", "I",
                "customerId", ada.get("id")));

        CloneResult result = rows.cloneTree("customers", ada.get("id"),
                Map.of("email", "ada2@example.com", "externalRef", "ADA2"));

        Object newCustomer = result.root().get("id");
        assertThat(result.copies().get("orders")).singleElement()
                .satisfies(order -> assertThat(order.get("customer_id")).isEqualTo(newCustomer));
        Object newOrder = result.copies().get("orders").get(0).get("id");
        assertThat(result.copies().get("order_lines")).hasSize(2)
                .allSatisfy(line -> assertThat(line.get("order_id")).isEqualTo(newOrder))
                .extracting(line -> line.get("line_no")).containsExactlyInAnyOrder(1, 2);
        assertThat(result.copies().byTable()).containsKeys(QualifiedName.of("public", "events"),
                QualifiedName.of("audit", "events"));
        assertThat(result.copies().get("public.events")).hasSize(1);
        assertThat(result.copies().count()).isEqualTo(1 + 1 + 2 + 1 + 1);
        assertThat(rows.count("order_lines")).isEqualTo(4);
    }

    @Test
    void cloneTreeFollowsASelfReferenceDownTheSubtree() {
        rows.execute("CREATE TABLE folders (id serial PRIMARY KEY, parent_id int REFERENCES folders(id), name text)");
        Object root = rows.insert("folders", Map.of("name", "root")).get("id");
        Object child = rows.insert("folders", Map.of("name", "child", "parentId", root)).get("id");
        rows.insert("folders", Map.of("name", "grandchild", "parentId", child));

        CloneResult result = rows.cloneTree("folders", root, Map.of("name", "root copy"));

        assertThat(result.copies().count()).isEqualTo(3);
        Object newRoot = result.root().get("id");
        Map<String, Object> newChild = rows.fetchOne("folders", Map.of("parentId", newRoot)).orElseThrow();
        assertThat(newChild.get("name")).isEqualTo("child");
        assertThat(rows.fetchOne("folders", Map.of("parentId", newChild.get("id")))).get()
                .extracting(r -> r.get("name")).isEqualTo("grandchild");
    }

    @Test
    void failedCloneTreeLeavesNothingBehind() {
        long before = rows.count("customers");

        assertThatThrownBy(() -> rows.cloneTree("customers", ada.get("id"), Map.of("externalRef", "ADA2")))
                .isInstanceOf(QueryException.class).hasMessageContaining("customers_live_email_key");
        assertThat(rows.count("customers")).isEqualTo(before);
    }

    @Test
    void cloneTreeDoesNotCopyOrFollowTheTablesItSkips() {
        rows.insert("events", Map.of("occurredAt", OffsetDateTime.parse("2025-03-01T08:00:00Z"), "kind", "login",
                "customerId", ada.get("id")));
        rows.inSchema("audit").insert("events", Map.of("tableName", "customers", "action", "I",
                "customerId", ada.get("id")));

        CloneResult result = rows.cloneTree("customers", ada.get("id"),
                Map.of("email", "ada2@example.com", "externalRef", "ADA2"), List.of("Order", "\"audit\".\"events\""));

        assertThat(result.copies().byTable()).containsOnlyKeys(QualifiedName.of("public", "customers"),
                QualifiedName.of("public", "events"));
        assertThat(rows.count("orders")).isEqualTo(1);
        assertThat(rows.count("order_lines")).isEqualTo(2);
        assertThat(rows.inSchema("audit").count("events")).isEqualTo(1);
        assertThat(rows.count("customers")).isEqualTo(2);
    }

    @Test
    void aSkippedTableThatIsUnknownTheRootOrNeverReachedIsExplainedBeforeAnythingIsCopied() {
        Object id = ada.get("id");
        Map<String, Object> overrides = Map.of("email", "ada2@example.com", "externalRef", "ADA2");

        assertThatThrownBy(() -> rows.cloneTree("customers", id, overrides, List.of("ordres")))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("cloneTree cannot skip table 'ordres': Table 'ordres' not found. Available"
                        + " tables: ")
                .hasMessageEndingWith("Did you mean: orders?");
        assertThatThrownBy(() -> rows.cloneTree("customers", id, overrides, List.of("customer")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("cloneTree cannot skip table 'customer': it is the table being cloned ('customers'). Skip"
                        + " only tables that reference it.");
        assertThatThrownBy(() -> rows.cloneTree("customers", id, overrides, List.of("products")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("cloneTree cannot skip table 'products': no foreign key path leads from 'products' to"
                        + " 'customers', so it is never copied. Tables the clone copies: audit.events, events,"
                        + " orders, order_lines.");
        assertThat(rows.count("customers")).isEqualTo(1);
    }
}

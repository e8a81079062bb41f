package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.Test;

/** Every read, write and catalog method of {@link Rows} on the AI Error Translator schema (seed 004) and the hard cases. */
class RowsCrudIT extends DatabaseTestBase {

    RowsCrudIT() {
        super(SeedSchemas.HARDCASES);
    }

    private Map<String, Object> customer(String email) {
        return rows.insert("customers", Map.of("email", email, "fullName", "Customer " + email, "externalRef", email));
    }

    @Test
    void insertReturnsTheStoredRowWithGeneratedKeysAndDefaults() {
        Map<String, Object> row = customer("ada@example.com");

        assertThat(row).isInstanceOf(LinkedHashMap.class);
        assertThat(row.keySet()).startsWith("id", "customer_no", "email", "full_name", "status");
        assertThat(row.get("id")).isEqualTo(1L);
        assertThat(row.get("customer_no")).isEqualTo(1000);
        assertThat(row.get("status")).isEqualTo("active");
        assertThat(row.get("moods")).isEqualTo(List.of());
        assertThat(row.get("preferences")).isEqualTo(Map.of());
    }

    @Test
    void insertOfAnEmptyRowUsesAllDefaults() {
        rows.execute("CREATE TABLE counters (id serial PRIMARY KEY, n integer NOT NULL DEFAULT 7)");

        assertThat(rows.insert("counters", Map.of())).isEqualTo(Map.of("id", 1, "n", 7));
    }

    @Test
    void insertIntoAnIdentityAlwaysColumnOverridesTheSystemValue() {
        Map<String, Object> category = rows.insert("categories", Map.of("id", 50, "name", "Tools", "slug", "tools"));

        assertThat(category.get("id")).isEqualTo(50);
    }

    @Test
    void insertAllWritesInOneBatchAndGivesDefaultsToLeftOutColumns() {
        List<Map<String, Object>> inserted = rows.insertAll("customers", List.of(
                Map.of("email", "a@x.io", "full_name", "A"),
                Map.of("email", "b@x.io", "full_name", "B", "status", "suspended", "external_ref", "B")));

        assertThat(inserted).extracting(r -> r.get("email")).containsExactly("a@x.io", "b@x.io");
        assertThat(inserted).extracting(r -> r.get("status")).containsExactly("active", "suspended");
        assertThat(inserted).extracting(r -> r.get("customer_no")).containsExactly(1000, 1010);
        assertThat(rows.insertAll("customers", List.of())).isEmpty();
    }

    @Test
    void insertAllSplitsBatchesAboveTheParameterLimit() {
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 16_000; i++) {
            many.add(Map.of("email", "c" + i + "@x.io", "full_name", "C" + i, "external_ref", "R" + i));
        }

        assertThat(rows.insertAll("customers", many)).hasSize(16_000);
        assertThat(rows.count("customers")).isEqualTo(16_000);
    }

    @Test
    void fetchFiltersWithEqualityNullAndInLists() {
        customer("a@x.io");
        customer("b@x.io");
        rows.update("customers", Map.of("externalRef", "X1"), Map.of("email", "b@x.io"));
        rows.update("customers", Map.of("birthDate", "1990-01-01"), Map.of("email", "b@x.io"));

        assertThat(rows.fetch("customers", Map.of("email", "a@x.io"))).hasSize(1);
        Map<String, Object> noRef = new LinkedHashMap<>();
        noRef.put("birth_date", null);
        assertThat(rows.fetch("customers", noRef)).extracting(r -> r.get("email")).containsExactly("a@x.io");
        assertThat(rows.fetch("customers", Map.of("email", List.of("a@x.io", "b@x.io", "z@x.io")))).hasSize(2);
        assertThat(rows.fetch("customers", Map.of("email", List.of()))).isEmpty();
        assertThat(rows.fetch("customers", Map.of())).hasSize(2);
    }

    @Test
    void fluentFetchOrdersLimitsAndOffsets() {
        for (String email : List.of("c@x.io", "a@x.io", "b@x.io", "d@x.io")) {
            customer(email);
        }

        Fetch byEmail = rows.from("customers").orderBy("email");
        assertThat(byEmail.list()).extracting(r -> r.get("email")).containsExactly("a@x.io", "b@x.io", "c@x.io", "d@x.io");
        assertThat(byEmail.limit(2).offset(1).list()).extracting(r -> r.get("email")).containsExactly("b@x.io", "c@x.io");
        assertThat(rows.from("customers").orderByDesc("email").first()).get()
                .extracting(r -> r.get("email")).isEqualTo("d@x.io");
        assertThat(rows.from("customers").where("status", "active").count()).isEqualTo(4);
        assertThat(rows.from("customers").where("email", "nobody@x.io").exists()).isFalse();
    }

    @Test
    void fetchOneAndGetByFindOneRowOrNone() {
        Map<String, Object> ada = customer("ada@x.io");

        assertThat(rows.fetchOne("customers", Map.of("email", "ada@x.io"))).contains(ada);
        assertThat(rows.getBy("customers", "id", ada.get("id"))).contains(ada);
        assertThat(rows.getBy("Customer", "customerNo", 1000)).contains(ada);
        assertThat(rows.getBy("customers", "email", "nobody@x.io")).isEmpty();
    }

    @Test
    void fetchOneRefusesToPickAmongSeveralRows() {
        customer("a@x.io");
        customer("b@x.io");

        assertThatThrownBy(() -> rows.fetchOne("customers", Map.of("status", "active")))
                .isInstanceOf(QueryException.class)
                .hasMessage("Expected at most one row of table 'customers' where {status: 'active'}, found more."
                        + " Add conditions that identify one row, or use first() or list().");
    }

    @Test
    void getByUuidFindsTheRowOnTheErrorTranslatorSchema() {
        try (DisposableDatabase translator = checkout(SeedSchemas.ERRORTRANSLATOR)) {
            Rows app = Rows.of(translator.dataSource());
            Map<String, Object> user = app.insert("users", Map.of("email", "dev@x.io", "fullName", "Dev"));
            UUID id = (UUID) user.get("id");

            assertThat(app.getBy("users", "id", id.toString())).contains(user);
            assertThat(app.getBy("users", "id", id)).contains(user);
            assertThat(app.insert("apiKeys", Map.of("userId", id, "keyHash", "h1", "name", "ci")).get("user_id"))
                    .isEqualTo(id);
        }
    }

    @Test
    void updateChangesMatchingRowsAndReturnsTheCount() {
        customer("a@x.io");
        customer("b@x.io");

        assertThat(rows.update("customers", Map.of("status", "closed"), Map.of("email", "a@x.io"))).isEqualTo(1);
        assertThat(rows.updateAll("customers", Map.of("fullName", "Same"))).isEqualTo(2);
        assertThat(rows.getBy("customers", "email", "a@x.io")).get().extracting(r -> r.get("status"))
                .isEqualTo("closed");
    }

    @Test
    void updateAndDeleteWithoutConditionsAreRefused() {
        assertThatThrownBy(() -> rows.update("customers", Map.of("status", "closed"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update without conditions would change every row of the table; pass conditions, or"
                        + " call updateAll(table, values) to mean it");
        assertThatThrownBy(() -> rows.delete("customers", Map.of()))
                .hasMessage("delete without conditions would change every row of the table; pass conditions, or"
                        + " call deleteAll(table) to mean it");
    }

    @Test
    void upsertOnThePrimaryKeyInsertsThenUpdates() {
        rows.insert("categories", Map.of("name", "Tools", "slug", "tools"));
        Map<String, Object> product = Map.of("sku", "SKU-1", "categoryId", 1, "name", "Hammer", "price", "9.90",
                "stock", 3);

        assertThat(rows.upsert("products", product).get("price")).isEqualTo(new BigDecimal("9.90"));
        Map<String, Object> updated = rows.upsert("products", Map.of("sku", "SKU-1", "categoryId", 1,
                "name", "Hammer", "price", 12, "stock", 3));
        assertThat(updated.get("price")).isEqualTo(new BigDecimal("12.00"));
        assertThat(updated.get("price_with_tax")).isEqualTo(new BigDecimal("14.40"));
        assertThat(rows.count("products")).isEqualTo(1);
    }

    @Test
    void upsertOnANamedUniqueConstraintOrItsColumns() {
        rows.insert("departments", Map.of("name", "R&D"));

        Map<String, Object> byName = rows.upsert("departments", Map.of("name", "R&D"), "departments_name_key");
        Map<String, Object> byColumn = rows.upsert("departments", Map.of("name", "Sales"), "name");

        assertThat(byName.get("id")).isEqualTo(1);
        assertThat(byColumn.get("id")).isNotEqualTo(1);
        assertThat(rows.count("departments")).isEqualTo(2);
    }

    @Test
    void upsertOnAPartialUniqueIndexUsesItsPredicate() {
        customer("a@x.io");

        Map<String, Object> again = rows.upsert("customers", Map.of("email", "a@x.io", "fullName", "Renamed"),
                "customers_live_email_key");

        assertThat(again.get("full_name")).isEqualTo("Renamed");
        assertThat(rows.count("customers")).isEqualTo(1);
    }

    @Test
    void upsertWithoutAMatchingUniqueKeySaysWhichKeysExist() {
        assertThatThrownBy(() -> rows.upsert("departments", Map.of("name", "X", "managerId", 1), "manager_id"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("No unique key of table 'departments' is on (manager_id). An upsert needs a primary key,"
                        + " unique constraint or unique index on exactly those columns; unique keys: departments_pkey"
                        + " (id), departments_name_key (name).");
    }

    @Test
    void deleteRemovesMatchingRowsAndReturnsTheCount() {
        customer("a@x.io");
        customer("b@x.io");
        customer("c@x.io");

        assertThat(rows.delete("customers", Map.of("email", List.of("a@x.io", "b@x.io")))).isEqualTo(2);
        assertThat(rows.exists("customers", Map.of("email", "c@x.io"))).isTrue();
        assertThat(rows.deleteAll("customers")).isEqualTo(1);
        assertThat(rows.count("customers")).isZero();
    }

    @Test
    void schemaViewFindsTablesOfThatSchemaOnly() {
        Rows audit = rows.inSchema("audit");
        customer("a@x.io");
        audit.insert("events", Map.of("tableName", "customers", "action", "I", "customerId", 1));

        assertThat(audit.count("events")).isEqualTo(1);
        assertThat(rows.count("events")).isZero();
        assertThat(rows.count("audit.events")).isEqualTo(1);
        assertThat(audit.schema()).isEqualTo("audit");
    }

    @Test
    void catalogQuestions() {
        assertThat(rows.tableExists("customers")).isTrue();
        assertThat(rows.tableExists("Customer")).isTrue();
        assertThat(rows.tableExists("nope")).isFalse();
        assertThat(rows.inSchema("audit").tableExists("customers")).isFalse();
        assertThat(rows.schemaExists("audit")).isTrue();
        assertThat(rows.schemaExists("reporting")).isFalse();

        assertThat(rows.createSchema("reporting")).isTrue();
        assertThat(rows.createSchema("reporting")).isFalse();
        assertThat(rows.schemaExists("reporting")).isTrue();
    }

    @Test
    void tablesCreatedAfterTheRegistryWasLoadedAreFound() {
        assertThat(rows.count("customers")).isZero();
        rows.createSchema("reporting");
        rows.execute("CREATE TABLE reporting.daily (day date PRIMARY KEY, total numeric NOT NULL)");

        rows.inSchema("reporting").insert("daily", Map.of("day", "2024-05-31", "total", 3));

        assertThat(rows.inSchema("reporting").count("daily")).isEqualTo(1);
    }

    @Test
    void rawSqlRunsWithBoundParameters() {
        customer("a@x.io");

        List<Map<String, Object>> found = rows.query("SELECT email, moods FROM customers WHERE email = ? AND id = ANY(?)",
                "a@x.io", List.of(1L, 2L));
        int changed = rows.execute("UPDATE customers SET preferences = ?::jsonb WHERE email = ?",
                Map.of("theme", "dark"), "a@x.io");

        assertThat(found).containsExactly(Map.of("email", "a@x.io", "moods", List.of()));
        assertThat(changed).isEqualTo(1);
        assertThat(rows.getBy("customers", "email", "a@x.io")).get()
                .extracting(r -> r.get("preferences")).isEqualTo(Map.of("theme", "dark"));
    }

    @Test
    void rawSqlKeepsRepeatedColumnNamesApart() {
        assertThat(rows.query("SELECT 1 AS id, 2 AS id")).containsExactly(Map.of("id", 1, "id_2", 2));
    }

    @Test
    void worksOverAJdbiWithoutChangingItsConfiguration() {
        Jdbi jdbi = Jdbi.create(db.dataSource());
        TemplateEngine engine = jdbi.getConfig(SqlStatements.class).getTemplateEngine();
        Rows overJdbi = Rows.of(jdbi);

        overJdbi.insert("warehouses", Map.of("region", "EU", "code", 1, "name", "Main"));

        assertThat(overJdbi.count("warehouses")).isEqualTo(1);
        assertThat(jdbi.getConfig(SqlStatements.class).getTemplateEngine()).isSameAs(engine);
    }

    @Test
    void refreshSeesColumnsAddedThroughAnotherConnection() throws Exception {
        assertThat(rows.count("warehouses")).isZero();
        try (Connection other = db.connect(); Statement ddl = other.createStatement()) {
            ddl.execute("ALTER TABLE warehouses ADD COLUMN opened_on date");
        }
        assertThatThrownBy(() -> rows.insert("warehouses", Map.of("region", "EU", "code", 1, "name", "Main",
                "openedOn", "2024-01-01"))).isInstanceOf(ColumnMatchException.class);

        rows.refresh();

        assertThat(rows.insert("warehouses", Map.of("region", "EU", "code", 1, "name", "Main",
                "openedOn", "2024-01-01")).get("opened_on")).isEqualTo(LocalDate.of(2024, 1, 1));
    }
}

package dev.pgtestkit.core.schema;

import static dev.pgtestkit.core.schema.RegistryLoadIT.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forgiving table and column lookup on real schemas, and its error messages verbatim. */
class RegistryLookupIT {

    private static PostgresServer server;
    private static DisposableDatabase hardCasesDb;
    private static DisposableDatabase errorTranslatorDb;
    private static SchemaRegistry hardCases;
    private static SchemaRegistry errorTranslator;

    @BeforeAll
    static void load() {
        server = PostgresProvider.auto().shared();
        hardCasesDb = DatabaseTemplate.builder(server).flywayLocations(SeedSchemas.HARDCASES).build().checkout();
        errorTranslatorDb = DatabaseTemplate.builder(server).flywayLocations(SeedSchemas.ERRORTRANSLATOR).build()
                .checkout();
        hardCases = SchemaRegistry.load(hardCasesDb.dataSource());
        errorTranslator = SchemaRegistry.load(errorTranslatorDb.dataSource());
    }

    @AfterAll
    static void drop() {
        hardCasesDb.close();
        errorTranslatorDb.close();
    }

    @Test
    void tablesAreFoundByCasePluralAndSnakeCaseForgivingNames() {
        assertThat(hardCases.table("Customer").name()).isEqualTo(QualifiedName.of("public", "customers"));
        assertThat(hardCases.table("orderLine").name()).isEqualTo(QualifiedName.of("public", "order_lines"));
        assertThat(hardCases.table("legacy_item").name()).isEqualTo(QualifiedName.of("public", "LegacyItems"));
        assertThat(hardCases.table("\"LegacyItems\"").name()).isEqualTo(QualifiedName.of("public", "LegacyItems"));
        assertThat(hardCases.table("category").name()).isEqualTo(QualifiedName.of("public", "categories"));
    }

    @Test
    void theSameTableNameInTwoSchemasPrefersPublicUnlessASchemaIsGiven() {
        assertThat(hardCases.table("events").name()).isEqualTo(QualifiedName.of("public", "events"));
        assertThat(hardCases.table("audit.events").name()).isEqualTo(QualifiedName.of("audit", "events"));
        assertThat(hardCases.table("audit", "event").name()).isEqualTo(QualifiedName.of("audit", "events"));
        assertThat(hardCases.table("AUDIT", "Events").name()).isEqualTo(QualifiedName.of("audit", "events"));
        assertThat(hardCases.table(QualifiedName.of("audit", "events")).columnNames()).contains("action");
        assertThat(hardCases.table(null, "events").name()).isEqualTo(QualifiedName.of("public", "events"));
    }

    @Test
    void columnsAreFoundByForgivingNamesIncludingQuotedOnes() {
        assertThat(hardCases.column("LegacyItems", "unitPrice").name()).isEqualTo("Unit Price");
        assertThat(hardCases.column("LegacyItems", "item_id").name()).isEqualTo("ItemID");
        assertThat(hardCases.column("LegacyItems", "display_name").name()).isEqualTo("displayName");
        assertThat(hardCases.column("customers", "externalRef").name()).isEqualTo("external_ref");
        assertThat(errorTranslator.column("users", "stripeCustomerId").name()).isEqualTo("stripe_customer_id");
    }

    @Test
    void aMissingColumnNamesTheTableTheColumnsAndTheClosestMatch() {
        assertThatThrownBy(() -> errorTranslator.column("users", "ful_name"))
                .isInstanceOf(ColumnMatchException.class)
                .hasMessage("Column 'ful_name' not found in table 'users'. Available columns: id, email,"
                        + " hashed_password, full_name, subscription_tier, stripe_customer_id, is_active, is_verified,"
                        + " created_at, updated_at, last_login. Did you mean: full_name?");
        assertThatThrownBy(() -> errorTranslator.column("users", "userId"))
                .isInstanceOf(ColumnMatchException.class)
                .hasMessage("Column 'userId' not found in table 'users'. Available columns: id, email,"
                        + " hashed_password, full_name, subscription_tier, stripe_customer_id, is_active, is_verified,"
                        + " created_at, updated_at, last_login.");
    }

    @Test
    void aMissingTableListsTheTablesAndSuggests() {
        assertThatThrownBy(() -> errorTranslator.table("api_kyes"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Table 'api_kyes' not found. Available tables: api_keys, flyway_schema_history,"
                        + " subscriptions, token_blacklist, usage_logs, users. Did you mean: api_keys?");
        assertThatThrownBy(() -> hardCases.table("audit", "customers"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Table 'customers' not found in schema 'audit'. Available tables: events.");
        assertThatThrownBy(() -> hardCases.table(QualifiedName.of("public", "customer")))
                .hasMessageStartingWith("Table 'customer' not found in schema 'public'. Available tables: LegacyItems,")
                .hasMessageEndingWith(". Did you mean: customers?");
    }

    @Test
    void aMissingSchemaIsNamedWithSuggestions() {
        assertThatThrownBy(() -> hardCases.table("audti", "events"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Schema 'audti' not found. Available schemas: audit, public. Did you mean: audit?");
    }

    @Test
    void findTableReturnsEmptyOnAMiss() {
        assertThat(hardCases.findTable("public", "nothing_like_it")).isEmpty();
        assertThat(hardCases.findTable("nowhere", "events")).isEmpty();
        assertThat(hardCases.findTable(null, "warehouse")).map(Table::simpleName).contains("warehouses");
    }

    @Test
    void aNameInSeveralSchemasOutsidePublicIsAmbiguousNotGuessed() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            execute(c, "CREATE SCHEMA sales; CREATE SCHEMA stock;"
                    + " CREATE TABLE sales.items (id int); CREATE TABLE stock.items (id int);"
                    + " CREATE TABLE public.\"userId\" (id int); CREATE TABLE public.user_id (id int);");
            SchemaRegistry registry = SchemaRegistry.load(c);

            assertThatThrownBy(() -> registry.table("items"))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("Table 'items' is ambiguous: it matches sales.items, stock.items. Use the exact table"
                            + " name, qualified with its schema (e.g. 'sales.items').");
            assertThat(registry.table("stock.items").schema()).isEqualTo("stock");
            assertThatThrownBy(() -> registry.table("User Id"))
                    .hasMessage("Table 'User Id' is ambiguous: it matches public.userId, public.user_id. Use the exact"
                            + " table name, qualified with its schema (e.g. 'public.userId').");
            assertThat(registry.table("userId").simpleName()).isEqualTo("userId");
            assertThat(registry.table("USER_ID").simpleName()).isEqualTo("user_id");
        }
    }

    @Test
    void referencingListsTheForeignKeysPointingAtATable() {
        assertThat(hardCases.referencing(QualifiedName.of("public", "customers")))
                .extracting(fk -> fk.table() + "." + fk.name())
                .containsExactly("audit.events.events_customer_id_fkey", "public.events.events_customer_id_fkey",
                        "public.events_2025.events_customer_id_fkey", "public.events_2026.events_customer_id_fkey",
                        "public.events_default.events_customer_id_fkey", "public.orders.orders_customer_fk");
        assertThat(hardCases.referencing(QualifiedName.of("public", "categories")))
                .extracting(ForeignKey::name)
                .containsExactly("categories_parent_id_fkey", "products_category_id_fkey");
    }
}

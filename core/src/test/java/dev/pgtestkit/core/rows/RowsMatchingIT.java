package dev.pgtestkit.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.ColumnMatchException;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.QueryException;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forgiving table and column names, and the messages when a name or a value is wrong, verbatim. */
class RowsMatchingIT extends DatabaseTestBase {

    RowsMatchingIT() {
        super(SeedSchemas.ERRORTRANSLATOR);
    }

    @Test
    void tableAndColumnNamesAreMatchedForgivingly() {
        Map<String, Object> user = rows.insert("User", Map.of("Email", "a@x.io", "fullName", "Ada",
                "isVerified", true));

        assertThat(user.get("full_name")).isEqualTo("Ada");
        assertThat(rows.insert("apiKey", Map.of("userId", user.get("id"), "key_hash", "h", "NAME", "ci")))
                .containsEntry("user_id", user.get("id"));
        assertThat(rows.from("tokenBlacklists").count()).isZero();
        assertThat(rows.from("users").orderByDesc("createdAt").list()).hasSize(1);
    }

    @Test
    void quotedMixedCaseNamesAreMatchedToo() {
        try (DisposableDatabase hard = checkout(SeedSchemas.HARDCASES)) {
            Rows hardRows = Rows.of(hard.dataSource());
            Map<String, Object> item = hardRows.insert("legacyItem", Map.of("itemId", 1, "displayName", "Bolt",
                    "unitPrice", "0.125", "group", "hardware"));

            assertThat(item).containsKeys("ItemID", "displayName", "Unit Price", "group");
            assertThat(hardRows.getBy("LegacyItems", "ItemID", 1)).contains(item);
        }
    }

    @Test
    void qualifiedAndUnqualifiedTableNamesMeanTheSameTableEverywhere() {
        rows.execute("CREATE SCHEMA \"Audit\"; CREATE TABLE \"Audit\".\"Events\" (id int PRIMARY KEY);"
                + " CREATE TABLE \"my.table\" (id int)");
        Rows inPublic = rows.inSchema("public");

        assertThat(inPublic.tableExists("public.users")).isTrue();
        assertThat(inPublic.tableExists("\"public\".\"users\"")).isTrue();
        assertThat(inPublic.tableExists("Public.Users")).isTrue();
        assertThat(rows.tableExists("public.users")).isTrue();
        assertThat(rows.inSchema("\"Audit\"").tableExists("\"Events\"")).isTrue();
        assertThat(rows.inSchema("audit").tableExists("events")).isTrue();
        assertThat(inPublic.tableExists("\"Audit\".\"Events\"")).isTrue();
        assertThat(rows.tableExists("Audit.Events")).isTrue();
        assertThat(inPublic.tableExists("public.events")).isFalse();
        assertThat(inPublic.tableExists("nowhere.users")).isFalse();

        inPublic.insert("\"Audit\".\"Events\"", Map.of("id", 1));
        assertThat(rows.inSchema("Audit").count("public.users")).isZero();
        assertThat(rows.count("audit.events")).isEqualTo(1);
        assertThat(inPublic.getBy("Audit.Events", "ID", 1)).isPresent();
        rows.insert("\"my.table\"", Map.of("id", 7));
        assertThat(rows.count("public.\"my.table\"")).isEqualTo(1);
        assertThat(inPublic.fetch("my.table", Map.of())).hasSize(1);
        assertThat(rows.createSchema("\"Reports\"")).isTrue();
        assertThat(rows.query("SELECT nspname FROM pg_namespace WHERE nspname = 'Reports'")).hasSize(1);
        assertThat(rows.schemaExists("\"Reports\"")).isTrue();
    }

    @Test
    void aQualifiedNameWhoseSchemaOrTableIsUnknownSaysWhich() {
        assertThatThrownBy(() -> rows.count("pubic.users"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Schema 'pubic' not found. Available schemas: public. Did you mean: public?");
        assertThatThrownBy(() -> rows.inSchema("public").count("public.usres"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Table 'usres' not found in schema 'public'. Available tables: api_keys,"
                        + " flyway_schema_history, subscriptions, token_blacklist, usage_logs, users. Did you mean:"
                        + " users?");
    }

    @Test
    void unknownColumnListsTheColumnsAndSuggests() {
        assertThatThrownBy(() -> rows.insert("users", Map.of("emial", "a@x.io")))
                .isInstanceOf(ColumnMatchException.class)
                .hasMessage("Column 'emial' not found in table 'users'. Available columns: id, email, hashed_password,"
                        + " full_name, subscription_tier, stripe_customer_id, is_active, is_verified, created_at,"
                        + " updated_at, last_login. Did you mean: email?")
                .satisfies(e -> {
                    ColumnMatchException miss = (ColumnMatchException) e;
                    assertThat(miss.column()).isEqualTo("emial");
                    assertThat(miss.table()).isEqualTo("users");
                    assertThat(miss.suggestions()).containsExactly("email");
                });
    }

    @Test
    void unknownColumnWithoutCloseNamesHasNoSuggestion() {
        assertThatThrownBy(() -> rows.fetch("api_keys", Map.of("userIdentifier", 1)))
                .isInstanceOf(ColumnMatchException.class)
                .hasMessage("Column 'userIdentifier' not found in table 'api_keys'. Available columns: id, user_id,"
                        + " key_hash, name, is_active, last_used, created_at, expires_at.");
    }

    @Test
    void unknownColumnInOrderByIsReportedToo() {
        assertThatThrownBy(() -> rows.from("users").orderBy("createdOn").list())
                .isInstanceOf(ColumnMatchException.class)
                .hasMessageStartingWith("Column 'createdOn' not found in table 'users'.")
                .hasMessageEndingWith("Did you mean: created_at?");
    }

    @Test
    void unknownTableListsTheTablesAndSuggests() {
        assertThatThrownBy(() -> rows.count("usres"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Table 'usres' not found. Available tables: api_keys, flyway_schema_history, subscriptions,"
                        + " token_blacklist, usage_logs, users. Did you mean: users?");
    }

    @Test
    void unknownSchemaListsTheSchemasAndSuggests() {
        rows.createSchema("audit");

        assertThatThrownBy(() -> rows.inSchema("audti").count("users"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Schema 'audti' not found. Available schemas: audit, public. Did you mean: audit?");
    }

    @Test
    void tableMissingFromTheGivenSchemaSaysWhichSchema() {
        rows.createSchema("audit");

        assertThatThrownBy(() -> rows.inSchema("audit").count("users"))
                .isInstanceOf(SchemaException.class)
                .hasMessage("Table 'users' not found in schema 'audit'. Available tables: (none).");
    }

    @Test
    void ambiguousNamesAreErrorsNotGuesses() {
        rows.execute("CREATE TABLE \"Notes\" (id int PRIMARY KEY, \"Title\" text, title text)");
        rows.execute("CREATE TABLE notes (id int PRIMARY KEY)");

        assertThatThrownBy(() -> rows.count("NOTES")).isInstanceOf(SchemaException.class)
                .hasMessage("Table 'NOTES' is ambiguous: it matches public.Notes, public.notes. Use the exact table"
                        + " name, qualified with its schema (e.g. 'public.Notes').");
        assertThatThrownBy(() -> rows.insert("Notes", Map.of("id", 1, "TITLE", "x")))
                .isInstanceOf(ColumnMatchException.class)
                .hasMessage("Column 'TITLE' is ambiguous in table 'Notes': it matches Title, title. Use the exact"
                        + " column name.");
        assertThat(rows.insert("Notes", Map.of("id", 1, "Title", "x"))).containsEntry("Title", "x");
    }

    @Test
    void twoKeysForOneColumnAreRejected() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("full_name", "A");
        row.put("fullName", "B");

        assertThatThrownBy(() -> rows.insert("users", row)).isInstanceOf(ColumnMatchException.class)
                .hasMessage("Keys 'full_name' and 'fullName' both name column 'full_name' of table 'users'. Give each"
                        + " column once.");
    }

    @Test
    void unconvertibleValueNamesColumnTypeAndValue() {
        assertThatThrownBy(() -> rows.insert("usage_logs", Map.of("endpoint", "/x", "method", "GET",
                "statusCode", "abc")))
                .isInstanceOf(ValueConversionException.class)
                .hasMessage("Cannot convert value 'abc' for column 'usage_logs.status_code' of type integer:"
                        + " expected a whole number")
                .satisfies(e -> assertThat(((ValueConversionException) e).type()).isEqualTo("integer"));
        assertThatThrownBy(() -> rows.insert("users", Map.of("email", "a@x.io", "id", "not-a-uuid")))
                .isInstanceOf(ValueConversionException.class)
                .hasMessage("Cannot convert value 'not-a-uuid' for column 'users.id' of type uuid: expected a UUID or"
                        + " a string like 550e8400-e29b-41d4-a716-446655440000");
        assertThatThrownBy(() -> rows.fetch("users", Map.of("createdAt", "last tuesday")))
                .hasMessage("Cannot convert value 'last tuesday' for column 'users.created_at' of type timestamp with"
                        + " time zone: expected an ISO date-time like 2024-05-31T13:45:00Z or 2024-05-31 13:45:00");
    }

    @Test
    void unknownEnumLabelAndGeneratedColumnAreExplained() {
        try (DisposableDatabase hard = checkout(SeedSchemas.HARDCASES)) {
            Rows hardRows = Rows.of(hard.dataSource());

            assertThatThrownBy(() -> hardRows.insert("customers", Map.of("email", "a@b.io", "fullName", "A",
                    "moods", List.of("happy", "grumpy"))))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessage("Cannot convert value ['happy', 'grumpy'] for column 'customers.moods' of type mood[]:"
                            + " element [1]: not a label of enum mood (labels: sad, ok, happy)");
            assertThatThrownBy(() -> hardRows.insert("products", Map.of("sku", "SKU-1", "priceWithTax", 1)))
                    .isInstanceOf(QueryException.class)
                    .hasMessage("Column 'price_with_tax' of table 'products' is generated (round((price * 1.2), 2))"
                            + " and cannot be written; leave it out.");
        }
    }
}

package dev.pgtestkit.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaCommandIT {

    static DisposableDatabase db;

    @BeforeAll
    static void createShop() {
        db = TestDatabases.withSchema(TestDatabases.SHOP);
    }

    @AfterAll
    static void dropShop() {
        db.close();
    }

    @Test
    void reportsTablesInForeignKeyOrderWithColumnsKeysChecksIndexesAndCycles() {
        Cli.Run run = Cli.run("schema", "--url", db.jdbcUrl());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String out = run.out();
        assertThat(out).contains("3 tables in 1 schema, in foreign-key order");
        assertThat(out.indexOf("public.customers")).isLessThan(out.indexOf("public.orders"));
        assertThat(out).containsPattern("email +character varying\\(200\\) +not null")
                .containsPattern("id +bigint +not null, identity always")
                .contains("primary key  customers_pkey (id)", "unique       customers_email_key (email)",
                        "foreign key  orders_customer_id_fkey (customer_id) -> public.customers (id) on delete"
                                + " cascade",
                        "check        orders_total_check: CHECK ((total >= (0)::numeric))",
                        "index        orders_open: btree (customer_id) where (status <> 'shipped'::text)",
                        "Foreign-key cycles:",
                        "public.categories: breakable: insert with categories_parent_id_fkey empty");
        assertThat(out).as("the unique key's index is shown as the key").doesNotContain("index        customers_email_key");
    }

    @Test
    void oneTableByForgivingNameAndAsJson() {
        Cli.Run run = Cli.run("schema", "--url", db.jdbcUrl(), "--table", "Order", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"name\" : \"public.orders\"", "\"references\" : \"public.customers\"")
                .doesNotContain("public.categories", "\"ok\"");
        Cli.Run json = Cli.run("--json", "schema", "--url", db.jdbcUrl(), "--table", "customers");
        assertThat(json.out()).startsWith("{").contains("\"ok\" : true", "\"name\" : \"public.customers\"");
    }

    @Test
    void anUnknownTableIsASchemaErrorWithSuggestions() {
        Cli.Run run = Cli.run("schema", "--url", db.jdbcUrl(), "--table", "custmers");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("'custmers' not found", "Did you mean: customers?").doesNotContain("\tat ");
    }

    @Test
    void anUnknownDatabaseAndAnUnreachableHostAreConnectionErrors() {
        String missing = db.jdbcUrl().replace(db.name(), "pgtestkit_no_such_database");
        Cli.Run run = Cli.run("schema", "--url", missing);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("Cannot connect to pgtestkit_no_such_database", "does not exist");
        Cli.Run unreachable = Cli.run("--json", "schema", "--url", "jdbc:postgresql://127.0.0.1:1/shop?user=me");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("Cannot connect to shop on 127.0.0.1:1", "refused",
                "Check that the server runs");
        assertThat(unreachable.out()).contains("\"exitCode\" : 3", "\"error\" : \"ConnectionException\"");
    }
}

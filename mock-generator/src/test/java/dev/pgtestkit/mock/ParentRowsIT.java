package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import org.junit.jupiter.api.Test;

/** Computed overrides see the parent rows their row points at. */
class ParentRowsIT {

    private static final String SHOP = """
            CREATE TABLE accounts (id serial PRIMARY KEY, currency char(3) NOT NULL, region text NOT NULL);
            CREATE TABLE orders (id serial PRIMARY KEY, account_id int NOT NULL REFERENCES accounts,
                billing_account_id int REFERENCES accounts, currency char(3) NOT NULL, label text NOT NULL);
            """;

    @Test
    void anOverrideDerivesFromTheGeneratedParentRow() {
        try (DisposableDatabase db = TestDatabases.withSchema(SHOP)) {
            MockDataGenerator.builder(db.dataSource()).seed(4).build().generate(GenerationPlan.builder()
                    .table("accounts", 20)
                    .table("orders", 300, t -> t
                            .column("currency", ColumnOverride.computed(row -> row.parent("account_id").get("currency")))
                            .column("label", ColumnOverride.computed(row -> row.parent("orders_account_id_fkey")
                                    .get("region") + "/" + row.parent("billing_account_id").getOrDefault("id", "-"))))
                    .build());
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM orders o JOIN accounts a ON a.id = o.account_id"
                    + " WHERE o.currency = a.currency AND o.label = a.region || '/' || coalesce(o.billing_account_id::text,"
                    + " '-')")).isEqualTo(300);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT currency) FROM orders")).isGreaterThan(1);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM orders WHERE billing_account_id IS NULL"))
                    .isPositive();
        }
    }

    @Test
    void rowsAlreadyInTheDatabaseShowTheirKeyAndAnUnknownForeignKeyIsNamed() {
        try (DisposableDatabase db = TestDatabases.withSchema(SHOP,
                "INSERT INTO accounts (currency, region) VALUES ('EUR', 'west'), ('USD', 'east')")) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).seed(4).build();
            gen.generate(GenerationPlan.builder().table("orders", 20, t -> t
                    .column("label", ColumnOverride.computed(row -> String.join(",",
                            row.parent("account_id").keySet()) + "=" + row.parent("account_id").get("id"))))
                    .build());
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM orders WHERE label = 'id=' || account_id"))
                    .isEqualTo(20);
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("orders", 5, t -> t
                    .column("label", ColumnOverride.computed(row -> row.parent("accounts").toString()))).build()))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("RowContext.parent(\"accounts\") on public.orders: 2 foreign keys match")
                    .hasMessageContaining("orders_billing_account_id_fkey [billing_account_id] -> public.accounts");
        }
    }
}

package dev.pgtestkit.mock;

import static dev.pgtestkit.mock.TestDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hard cases one by one, on one generated copy of the hard-case schema. */
class HardCasesIT {

    private static DisposableDatabase db;

    @BeforeAll
    static void generate() {
        db = TestDatabases.migrated(SeedSchemas.HARDCASES);
        MockDataGenerator.builder(db.dataSource()).seed(3).build()
                .generate(GenerationPlan.builder().allTables(2000)
                        .table("order_lines", t -> t.perParent("orders", ChildCount.between(1, 4)))
                        .build());
    }

    @AfterAll
    static void drop() {
        db.close();
    }


    @Test
    void nullableCycleEdgeIsFilledAfterTheOtherSideIsLoaded() {
        assertThat(count(db, "SELECT count(manager_id) FROM departments")).isGreaterThan(1500);
        assertThat(count(db, "SELECT count(*) FROM departments d JOIN employees e ON e.id = d.manager_id"))
                .isEqualTo(count(db, "SELECT count(manager_id) FROM departments"));
    }

    @Test
    void notNullCycleIsClosedThroughTheDeferrableEdge() {
        assertThat(count(db, "SELECT count(*) FROM accounts a JOIN contacts c ON c.id = a.primary_contact_id"))
                .isEqualTo(2000);
    }

    @Test
    void selfReferencesFormATreeWithRoots() {
        assertThat(count(db, "SELECT count(*) FROM categories WHERE parent_id IS NULL")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM categories WHERE parent_id >= id")).isZero();
        assertThat(count(db, "SELECT count(*) FROM employees WHERE manager_id >= id")).isZero();
    }

    @Test
    void sequencesAndIdentitiesAreAdvancedPastGeneratedKeys() {
        assertThat(count(db, "SELECT nextval('customers_id_seq')")).isGreaterThan(count(db, "SELECT max(id) FROM customers"));
        assertThat(count(db, "SELECT nextval('customer_no_seq')"))
                .isGreaterThan(count(db, "SELECT max(customer_no) FROM customers"));
        TestDatabases.execute(db, "INSERT INTO categories (name, slug) VALUES ('new', 'new-one')");
        assertThat(count(db, "SELECT count(*) FROM categories")).isEqualTo(2001);
    }

    @Test
    void generatedColumnsAreComputedByTheServer() {
        assertThat(count(db, "SELECT count(*) FROM products WHERE price_with_tax = round(price * 1.2, 2)"))
                .isEqualTo(2000);
    }

    @Test
    void partitionedTableRowsAreRoutedToPartitions() {
        assertThat(count(db, "SELECT count(*) FROM events_2025")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM events_2026")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM events")).isEqualTo(2000);
    }

    @Test
    void compositeKeysAndPerParentLineNumbers() {
        assertThat(count(db, "SELECT count(*) FROM order_lines")).isBetween(2000L, 8000L);
        assertThat(count(db, "SELECT count(*) FROM (SELECT order_id FROM order_lines GROUP BY order_id"
                + " HAVING max(line_no) <> count(*)) x")).isZero();
        assertThat(count(db, "SELECT count(DISTINCT (region, warehouse_code)) FROM stock_levels")).isPositive();
    }

    @Test
    void domainsEnumsArraysAndChecksHold() {
        // the server enforced the domain and table checks on load: what is asserted is what the generator chose
        assertThat(count(db, "SELECT count(DISTINCT email) FROM customers")).isGreaterThan(1900);
        assertThat(count(db, "SELECT count(DISTINCT stock) FROM products")).isGreaterThan(50);
        assertThat(count(db, "SELECT count(DISTINCT status) FROM customers")).isEqualTo(3);
        assertThat(count(db, "SELECT count(*) FROM customers WHERE cardinality(moods) > 0")).isPositive();
        assertThat(count(db, "SELECT count(DISTINCT round(sale_price / price, 1)) FROM products")).isGreaterThan(5);
        assertThat(count(db, "SELECT count(*) FROM customers WHERE external_ref IS NULL")).isLessThanOrEqualTo(1);
    }

    @Test
    void quotedMixedCaseNamesAndEveryCommonTypeAreFilled() {
        assertThat(count(db, "SELECT count(\"Unit Price\") FROM \"LegacyItems\"")).isPositive();
        assertThat(count(db, "SELECT count(*) FROM type_samples WHERE c_uuid IS NOT NULL AND c_jsonb IS NOT NULL"
                + " AND c_inet IS NOT NULL AND c_int4range IS NOT NULL AND c_interval IS NOT NULL")).isPositive();
        // a composite column is generated from its attributes (nullable: some NULLs, most filled)
        assertThat(count(db, "SELECT count(c_address) FROM type_samples")).isPositive();
    }
}

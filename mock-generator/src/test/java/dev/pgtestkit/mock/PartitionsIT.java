package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.core.schema.TableKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partitioned tables filled through their root with no override: range (by quarter, outside the default time
 * window), list then range (two levels), hash, DEFAULT, multi-column range; foreign keys declared only on the
 * partitions (to a table placed after the root by name, so the insertion order must know them).
 */
class PartitionsIT {

    private static DisposableDatabase db;

    @BeforeAll
    static void fill() {
        db = RealWorldSchemasIT.load("commerce_partitioned");
        RealWorldSchemasIT.fill(db, 3);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void everyLeafThatCanHoldARowGetsSome() {
        for (Table t : SchemaRegistry.load(db.dataSource()).tables()) {
            if (t.kind() == TableKind.PARTITION && !t.simpleName().equals("price_history_high")) {
                assertThat(TestDatabases.count(db, "SELECT count(*) FROM ONLY " + t.name().quoted()))
                        .as(t.name().toString()).isPositive();
            }
        }
    }

    @Test
    void foreignKeysDeclaredOnPartitionsPointAtGeneratedParents() {
        assertThat(TestDatabases.count(db, "SELECT count(DISTINCT account_id) FROM orders")).isGreaterThan(50);
        // the server enforced the keys on load; the generator chose parents spread over the generated ones
        assertThat(TestDatabases.count(db, "SELECT count(DISTINCT warehouse_id) FROM orders")).isGreaterThan(50);
        assertThat(TestDatabases.count(db, "SELECT count(DISTINCT account_id) FROM audit_log")).isGreaterThan(50);
    }

    @Test
    void rowsFallInsideTheBoundsNotInTheDefaultPartition() {
        assertThat(TestDatabases.count(db, "SELECT count(*) FROM ONLY shipments_2026_h1")).isGreaterThan(50);
        assertThat(TestDatabases.count(db, "SELECT count(DISTINCT weight_grams) FROM ONLY shipments_2026_h1"))
                .isGreaterThan(50);
    }

    @Test
    void theRegistryReadsKeysBoundsAndTheirConstraints() {
        SchemaRegistry registry = SchemaRegistry.load(db.dataSource());
        assertThat(registry.table("orders").partitioning().key()).isEqualTo("RANGE (ordered_at)");
        assertThat(registry.table("orders_2026_q1").partitioning().bound())
                .isEqualTo("FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-04-01 00:00:00+00')");
        assertThat(registry.table("events_eu_2026_01").partitioning().constraint())
                .contains("'eu'::region").contains("happened_at >=");
        assertThat(registry.table("shipments_other").partitioning().isDefault()).isTrue();
        assertThat(registry.table("audit_log_2").partitioning().bound())
                .isEqualTo("FOR VALUES WITH (modulus 4, remainder 2)");
    }
}

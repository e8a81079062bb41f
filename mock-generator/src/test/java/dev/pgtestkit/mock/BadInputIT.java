package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import org.junit.jupiter.api.Test;

/** Plans the schema cannot satisfy fail with a message naming the culprit, and nothing is written. */
class BadInputIT {

    private static void assertNothingWritten(DisposableDatabase db, String... tables) {
        for (String t : tables) {
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM " + t)).as(t).isZero();
        }
    }

    @Test
    void unsatisfiableCheckIsNamed() {
        try (DisposableDatabase db = TestDatabases.withSchema("CREATE TABLE parent (id int PRIMARY KEY)",
                "CREATE TABLE stock (qty int NOT NULL CONSTRAINT stock_qty_range CHECK (qty > 10 AND qty < 5))")) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("parent", 10).table("stock", 10)
                    .build())).isInstanceOf(GenerationException.class).hasMessageContaining("stock_qty_range")
                    .hasMessageContaining("\"qty\"").satisfies(e -> assertThat(((GenerationException) e).constraint())
                            .isEqualTo("stock_qty_range"));
            assertNothingWritten(db, "parent", "stock");
        }
    }

    @Test
    void checkOnlyTheServerCanEvaluateAndNoRowMeetsIsNamedBeforeWriting() {
        try (DisposableDatabase db = TestDatabases.withSchema("CREATE TABLE parent (id int PRIMARY KEY)",
                "CREATE TABLE codes (code text NOT NULL CONSTRAINT codes_impossible"
                        + " CHECK (code ~ '^[0-9]+$' AND code ~ '^[a-z]+$'))")) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("parent", 10).table("codes", 10)
                    .build())).isInstanceOf(GenerationException.class).hasMessageContaining("codes_impossible")
                    .hasMessageContaining("rejected every generated row");
            assertNothingWritten(db, "parent", "codes");
        }
    }

    @Test
    void unknownTypeWithoutOverrideNamesColumnTypeAndFix() {
        // a range over a composite: no literal form the generator tries is one its input function accepts
        try (DisposableDatabase db = TestDatabases.withSchema("CREATE TYPE pt AS (a int, b int)",
                "CREATE TYPE pairrange AS RANGE (subtype = pt)",
                "CREATE TABLE points (id int PRIMARY KEY, p pairrange NOT NULL)")) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("points", 5).build()))
                    .isInstanceOf(GenerationException.class).hasMessageContaining("\"p\"")
                    .hasMessageContaining("pair").hasMessageContaining("ColumnOverride.constant");
            assertNothingWritten(db, "points");
            gen.generate(GenerationPlan.builder().table("points", 5, t -> t.column("p",
                    ColumnOverride.computed(r -> "[\"(" + r.index() + ",1)\",\"(" + r.index() + ",2)\")"))).build());
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT p) FROM points")).isEqualTo(5);
        }
    }

    @Test
    void countBeyondAUniqueDomainIsRefused() {
        try (DisposableDatabase db = TestDatabases.withSchema(
                "CREATE TABLE flags (id serial PRIMARY KEY, enabled boolean NOT NULL UNIQUE)")) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("flags", 3).build()))
                    .isInstanceOf(GenerationException.class).hasMessageContaining("flags_enabled_key")
                    .hasMessageContaining("2 values").hasMessageContaining("3 rows");
            assertNothingWritten(db, "flags");
            gen.generate(GenerationPlan.builder().table("flags", 2).build());
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT enabled) FROM flags")).isEqualTo(2);
        }
    }

    @Test
    void unbreakableCycleIsExplained() {
        try (DisposableDatabase db = TestDatabases.withSchema("CREATE TABLE a (id int PRIMARY KEY, b_id int NOT NULL)",
                "CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a)",
                "ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b")) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("a", 3).table("b", 3).build()))
                    .isInstanceOf(GenerationException.class).hasMessageContaining("cycle")
                    .hasMessageContaining("DEFERRABLE");
            assertNothingWritten(db, "a", "b");
        }
    }

    @Test
    void unknownTableAndColumnGetSuggestions() {
        try (DisposableDatabase db = TestDatabases.withSchema("CREATE TABLE users (id int PRIMARY KEY, email text)")) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("usres", 3).build()))
                    .hasMessageContaining("users");
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("users", 3,
                    t -> t.column("emial", ColumnOverride.constant("x"))).build())).hasMessageContaining("email");
        }
    }

    @Test
    void aPerParentCountBeyondTheKeyStatesPossibleBounds() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE TABLE orders (id serial PRIMARY KEY);
                CREATE TABLE lines (order_id int NOT NULL REFERENCES orders, note text,
                    line_no smallint NOT NULL CHECK (line_no BETWEEN 1 AND 3), UNIQUE (order_id, line_no));
                """)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("orders", 4)
                    .table("lines", t -> t.perParent("orders", ChildCount.of(5))).build()))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("allow only 3 rows per parent (at most 12 rows in all over 4 parents)")
                    .hasMessageContaining("Ask for at most 3 per parent")
                    .hasMessageNotContaining("9223372036854775807").hasMessageNotContaining("at most 0");
            assertNothingWritten(db, "orders", "lines");
        }
    }
}

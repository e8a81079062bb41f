package dev.pgtestkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.GeneratedRow;
import dev.pgtestkit.mock.GenerationException;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.ParentDistribution;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generation engine on hand-built schema models, without a database. */
class OfflineGenerationTest {

    private static final Table USERS = Model.table("users").identity("id", "int8").pk("id")
            .varchar("email", 60, true).unique("users_email_key", "email")
            .varchar("full_name", 80, true).column("created_at", "timestamptz", true)
            .column("updated_at", "timestamptz", false).build();
    private static final Table ORDERS = Model.table("orders").identity("id", "int8").pk("id")
            .column("user_id", "int8", true).fk("orders_user_fk", "user_id", "users")
            .numeric("total", 10, 2, true).check("orders_total_check", "(total >= (0)::numeric)")
            .varchar("status", 20, true)
            .check("orders_status_check", "((status)::text = ANY ((ARRAY['new'::character varying,"
                    + " 'paid'::character varying])::text[]))")
            .column("placed_at", "timestamptz", true).column("shipped_at", "timestamptz", false)
            .check("orders_shipped_check", "((shipped_at IS NULL) OR (shipped_at >= placed_at))").build();

    private static List<GeneratedRow> rows(GenerationPlan plan, long seed, Table... tables) {
        return OfflineOutput.stream(compile(plan, seed, tables)).toList();
    }

    private static CompiledPlan compile(GenerationPlan plan, long seed, Table... tables) {
        return CompiledPlan.compile(plan, ModelSchema.of(tables), DatabaseState.OFFLINE,
                CompiledPlan.Shared.of(seed, Locale.ENGLISH));
    }

    private static List<GeneratedRow> of(List<GeneratedRow> rows, String table) {
        return rows.stream().filter(r -> r.table().name().equals(table)).toList();
    }

    @Test
    void fillsParentsFirstWithUniqueKeysAndValidForeignKeys() {
        List<GeneratedRow> all = rows(GenerationPlan.builder().table("users", 500).table("orders", 2000).build(), 1,
                USERS, ORDERS);
        List<GeneratedRow> users = of(all, "users");
        assertThat(all.get(0).table().name()).isEqualTo("users");
        assertThat(users).hasSize(500);
        assertThat(users.stream().map(r -> r.get("email")).distinct()).hasSize(500);
        assertThat(users.stream().map(r -> r.get("id")).toList()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 500).boxed().toList());
        Set<Object> ids = users.stream().map(r -> r.get("id")).collect(Collectors.toSet());
        for (GeneratedRow o : of(all, "orders")) {
            assertThat(ids).contains(o.get("user_id"));
            assertThat((BigDecimal) o.get("total")).isNotNegative();
            assertThat(o.get("status")).isIn("new", "paid");
            OffsetDateTime shipped = (OffsetDateTime) o.get("shipped_at");
            assertThat(shipped == null || !shipped.isBefore((OffsetDateTime) o.get("placed_at"))).isTrue();
        }
    }

    @Test
    void updatedAtFollowsCreatedAtByNameAlone() {
        for (GeneratedRow u : of(rows(GenerationPlan.builder().table("users", 300).build(), 2, USERS), "users")) {
            OffsetDateTime updated = (OffsetDateTime) u.get("updated_at");
            assertThat(updated == null || !updated.isBefore((OffsetDateTime) u.get("created_at"))).isTrue();
        }
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        GenerationPlan plan = GenerationPlan.builder().table("users", 200).table("orders", 400).build();
        List<List<Object>> a = rows(plan, 7, USERS, ORDERS).stream().map(GeneratedRow::values).toList();
        List<List<Object>> b = rows(plan, 7, USERS, ORDERS).stream().map(GeneratedRow::values).toList();
        List<List<Object>> c = rows(plan, 8, USERS, ORDERS).stream().map(GeneratedRow::values).toList();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void csvFilesAreIdenticalWithOneAndFourThreads(@TempDir Path dir) throws Exception {
        GenerationPlan plan = GenerationPlan.builder().table("users", 3000).table("orders", 9000).build();
        OfflineOutput.writeCsv(compile(plan, 5, USERS, ORDERS), dir.resolve("one"), 1, 500);
        OfflineOutput.writeCsv(compile(plan, 5, USERS, ORDERS), dir.resolve("four"), 4, 700);
        for (String file : List.of("public.users.csv", "public.orders.csv")) {
            assertThat(Files.readString(dir.resolve("four").resolve(file)))
                    .isEqualTo(Files.readString(dir.resolve("one").resolve(file)));
        }
        assertThat(Files.readAllLines(dir.resolve("one/public.orders.csv"))).hasSize(9001);
    }

    @Test
    void perParentCountsHoldForEveryParent() {
        GenerationPlan plan = GenerationPlan.builder().table("users", 100)
                .table("orders", t -> t.perParent("users", ChildCount.between(1, 3))).build();
        Map<Object, Integer> perUser = new HashMap<>();
        of(rows(plan, 3, USERS, ORDERS), "orders").forEach(o -> perUser.merge(o.get("user_id"), 1, Integer::sum));
        assertThat(perUser).hasSize(100);
        assertThat(perUser.values()).allMatch(n -> n >= 1 && n <= 3);
    }

    @Test
    void junctionTablePairsAreDrawnWithoutReplacementUpToTheProduct() {
        Table tags = Model.table("tags").identity("id", "int4").pk("id").varchar("label", 30, true).build();
        Table links = Model.table("user_tags").column("user_id", "int8", true).column("tag_id", "int4", true)
                .pk("user_id", "tag_id").fk("ut_user", "user_id", "users").fk("ut_tag", "tag_id", "tags").build();
        GenerationPlan full = GenerationPlan.builder().table("users", 20).table("tags", 10).table("user_tags", 200)
                .build();
        List<GeneratedRow> pairs = of(rows(full, 4, USERS, tags, links), "user_tags");
        assertThat(pairs.stream().map(r -> r.get("user_id") + "/" + r.get("tag_id")).distinct()).hasSize(200);
        GenerationPlan tooMany = GenerationPlan.builder().table("users", 20).table("tags", 10)
                .table("user_tags", 201).build();
        assertThatThrownBy(() -> compile(tooMany, 4, USERS, tags, links)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("user_tags").hasMessageContaining("at most 200 rows in all");
    }

    @Test
    void lineNumbersCountUpWithinEachParent() {
        Table lines = Model.table("order_lines").column("order_id", "int8", true).column("line_no", "int2", true)
                .pk("order_id", "line_no").fk("ol_order", "order_id", "orders")
                .check("ol_line_no_check", "(line_no > 0)").build();
        GenerationPlan plan = GenerationPlan.builder().table("users", 10).table("orders", 50)
                .table("order_lines", t -> t.perParent("orders", ChildCount.of(4))).build();
        Map<Object, List<Object>> byOrder = of(rows(plan, 5, USERS, ORDERS, lines), "order_lines").stream()
                .collect(Collectors.groupingBy(r -> r.get("order_id"),
                        Collectors.mapping(r -> r.get("line_no"), Collectors.toList())));
        assertThat(byOrder).hasSize(50);
        byOrder.values().forEach(l -> assertThat(l).containsExactly((short) 1, (short) 2, (short) 3, (short) 4));
    }

    @Test
    void selfReferencesFormATree() {
        Table categories = Model.table("categories").identity("id", "int4").pk("id")
                .column("parent_id", "int4", false).fk("cat_parent", "parent_id", "categories")
                .check("not_own_parent", "(parent_id <> id)").build();
        List<GeneratedRow> rows = rows(GenerationPlan.builder().table("categories", 500).build(), 6, categories);
        for (GeneratedRow r : rows) {
            Integer parent = (Integer) r.get("parent_id");
            assertThat(parent == null || parent < (Integer) r.get("id")).isTrue();
        }
        assertThat(rows.stream().filter(r -> r.get("parent_id") == null)).isNotEmpty();
    }

    @Test
    void overridesApplyAndComputedOnesSeeTheRow() {
        GenerationPlan plan = GenerationPlan.builder().table("users", 50, t -> t
                .column("full_name", ColumnOverride.expression("#{Name.firstName}"))
                .column("updated_at", ColumnOverride.constant(null))
                .column("email", ColumnOverride.computed(r -> "user" + r.get("id") + "@example.test"))).build();
        List<GeneratedRow> a = of(rows(plan, 1, USERS), "users");
        List<GeneratedRow> b = of(rows(plan, 1, USERS), "users");
        assertThat(a).allSatisfy(r -> {
            assertThat(r.get("email")).isEqualTo("user" + r.get("id") + "@example.test");
            assertThat(r.get("updated_at")).isNull();
            assertThat((String) r.get("full_name")).isNotBlank().doesNotContain(" ");
        });
        assertThat(a.stream().map(r -> r.get("full_name")).toList())
                .isEqualTo(b.stream().map(r -> r.get("full_name")).toList());
    }

    @Test
    void zipfSkewsChildrenTowardsFewParents() {
        GenerationPlan plan = GenerationPlan.builder().table("users", 100)
                .table("orders", 5000, t -> t.parents("user_id", ParentDistribution.zipf(1.2))).build();
        Map<Object, Integer> counts = new HashMap<>();
        of(rows(plan, 9, USERS, ORDERS), "orders").forEach(o -> counts.merge(o.get("user_id"), 1, Integer::sum));
        int top = counts.values().stream().max(Integer::compare).orElseThrow();
        assertThat(top).isGreaterThan(5000 / 100 * 8);
    }

    @Test
    void nullFractionOverridesTheDefault() {
        GenerationPlan plan = GenerationPlan.builder().table("users", 400, t -> t.nullFraction("updated_at", 1.0))
                .build();
        assertThat(of(rows(plan, 1, USERS), "users")).allMatch(r -> r.get("updated_at") == null);
    }

    @Test
    void aBooleanUniqueColumnCannotHoldThreeRows() {
        Table flags = Model.table("flags").column("enabled", "bool", true).unique("flags_enabled_key", "enabled")
                .build();
        assertThat(of(rows(GenerationPlan.builder().table("flags", 2).build(), 1, flags), "flags")).hasSize(2);
        assertThatThrownBy(() -> compile(GenerationPlan.builder().table("flags", 3).build(), 1, flags))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("flags_enabled_key").hasMessageContaining("2 values")
                .hasMessageContaining("Cannot generate 3 rows");
    }

    @Test
    void anUnsatisfiableCheckIsNamedBeforeAnyRow() {
        Table t = Model.table("stock").column("qty", "int4", true).check("stock_qty_range", "((qty > 10) AND (qty < 5))")
                .build();
        assertThatThrownBy(() -> compile(GenerationPlan.builder().table("stock", 10).build(), 1, t))
                .isInstanceOf(GenerationException.class).hasMessageContaining("stock_qty_range")
                .hasMessageContaining("\"qty\"").hasMessageContaining("NOT NULL");
    }

    @Test
    void anUnknownNotNullTypeNamesColumnTypeAndTheOverride() {
        Table t = Model.table("places").column("location", Model.base("geometry", "geometry(Point,4326)"), true)
                .build();
        assertThatThrownBy(() -> compile(GenerationPlan.builder().table("places", 1).build(), 1, t))
                .isInstanceOf(GenerationException.class).hasMessageContaining("\"location\"")
                .hasMessageContaining("geometry(Point,4326)").hasMessageContaining("ColumnOverride.constant");
        Table nullable = Model.table("places").column("location", Model.base("geometry", "geometry"), false).build();
        assertThat(of(rows(GenerationPlan.builder().table("places", 5).build(), 1, nullable), "places"))
                .allMatch(r -> r.get("location") == null);
    }

    @Test
    void generatedColumnsAreLeftOut() {
        Table t = Model.table("items").column("price", "int4", true).generated("doubled", "int4", "(price * 2)")
                .build();
        assertThat(compile(GenerationPlan.builder().table("items", 3).build(), 1, t).tables().get(0).columnNames())
                .containsExactly("price");
    }

    @Test
    void domainChecksAndEnumsAreHonoured() {
        Table t = Model.table("accounts")
                .column("balance", Model.domain("positive_int", Model.base("int4", "integer"), true,
                        "positive_int_check", "(VALUE > 0)"), false)
                .column("mood", Model.enumType("mood", "sad", "ok", "happy"), true)
                .check("accounts_mood_check", "(mood > 'sad'::mood)").build();
        Set<Object> moods = new HashSet<>();
        for (GeneratedRow r : of(rows(GenerationPlan.builder().table("accounts", 300).build(), 1, t), "accounts")) {
            assertThat((Integer) r.get("balance")).isPositive();
            moods.add(r.get("mood"));
        }
        assertThat(moods).containsExactlyInAnyOrder("ok", "happy");
    }
}

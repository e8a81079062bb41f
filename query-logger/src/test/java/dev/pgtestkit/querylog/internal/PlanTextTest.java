package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanTextTest {

    private static final String PLAN = """
            [{"Plan": {"Node Type": "Hash Join", "Startup Cost": 31.2, "Total Cost": 56.36, "Plan Rows": 1194,
              "Hash Cond": "(o.customer_id = c.id)", "Plans": [
                {"Node Type": "Seq Scan", "Relation Name": "orders", "Alias": "o", "Startup Cost": 0.0,
                 "Total Cost": 22.0, "Plan Rows": 1200},
                {"Node Type": "Hash", "Startup Cost": 20.62, "Total Cost": 20.62, "Plan Rows": 846, "Plans": [
                  {"Node Type": "Index Scan", "Index Name": "customers_pkey", "Relation Name": "customers",
                   "Alias": "customers", "Startup Cost": 0.15, "Total Cost": 20.62, "Plan Rows": 846,
                   "Filter": "(password <> $1)"}]}]}}]""";

    @Test
    void summarizesTheTopNodeLikePsql() {
        assertThat(PlanText.summary(PLAN)).isEqualTo("Hash Join (cost=31.20..56.36 rows=1194)");
        assertThat(PlanText.summary("[{\"Plan\": {\"Node Type\": \"ModifyTable\", \"Operation\": \"Insert\","
                + " \"Relation Name\": \"audit\", \"Total Cost\": 0.03}}]")).isEqualTo("Insert on audit (cost=0.00..0.03 rows=0)");
    }

    @Test
    void treeIndentsChildrenWithTheirConditions() {
        assertThat(PlanText.tree(PLAN)).isEqualTo("""
                Hash Join (cost=31.20..56.36 rows=1194)
                  Hash Cond: (o.customer_id = c.id)
                -> Seq Scan on orders o (cost=0.00..22.00 rows=1200)
                -> Hash (cost=20.62..20.62 rows=846)
                  -> Index Scan using customers_pkey on customers (cost=0.15..20.62 rows=846)
                      Filter: (password <> $1)
                """);
    }

    @Test
    void unreadableJsonIsShownAsItIs() {
        assertThat(PlanText.summary("not json\nsecond line")).isEqualTo("not json");
        assertThat(PlanText.tree("not json")).isEqualTo("not json");
    }
}

package compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.junit.Fixture;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** YAML and JSON fixtures, whatever Jackson and SnakeYAML versions the project resolved. */
@PgTest(migrations = "classpath:db/migration")
@WithTransaction
@Fixture("/fixtures/shop.yaml")
class FixturesTest {

    @Test
    void loadsTheYamlFixtureWithTypedValuesAndForeignKeysByNaturalKey(DataSource dataSource) throws Exception {
        assertThat(Sql.text(dataSource, "SELECT string_agg(email || ':' || active || ':' || balance, ',' ORDER BY "
                + "email) FROM accounts")).isEqualTo("ada@example.com:true:120.50,bob@example.com:false:0.00");
        assertThat(Sql.text(dataSource, "SELECT joined_on::text FROM accounts WHERE email = 'ada@example.com'"))
                .isEqualTo("2024-02-29");
        assertThat(Sql.text(dataSource, "SELECT meta->>'seats' FROM accounts WHERE email = 'ada@example.com'"))
                .isEqualTo("3");
        assertThat(Sql.text(dataSource, "SELECT a.email || ' ' || o.total || ' ' || "
                + "to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM orders o JOIN accounts a "
                + "ON a.id = o.account_id")).isEqualTo("ada@example.com 19.99 2024-03-01 10:15");
    }

    @Test
    @Fixture("/fixtures/more-orders.json")
    void addsAJsonFixtureInsideTheTest(DataSource dataSource) throws Exception {
        assertThat(Sql.text(dataSource, "SELECT sum(total)::text FROM orders o JOIN accounts a ON a.id = "
                + "o.account_id WHERE a.email = 'bob@example.com'")).isEqualTo("13.00");
    }
}

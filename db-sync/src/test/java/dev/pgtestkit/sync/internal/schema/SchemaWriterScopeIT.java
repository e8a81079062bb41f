package dev.pgtestkit.sync.internal.schema;

import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.execute;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.resource;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.restore;
import static dev.pgtestkit.sync.internal.schema.SchemaScriptsSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.internal.schema.SchemaWriter.SchemaScripts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the scripts hold: determinism, subsets of tables, and the objects the built-in writer refuses. */
class SchemaWriterScopeIT {

    private static final PostgresServer SERVER = PostgresProvider.auto().shared();

    /** Independent statements, in groups that must run in order; within a group any order works. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("CREATE SCHEMA shop",
                    "CREATE TYPE shop.color AS ENUM ('red', 'green')",
                    "CREATE DOMAIN shop.price AS numeric(8,2) CHECK (VALUE >= 0)",
                    "CREATE SEQUENCE shop.a_seq START WITH 7",
                    "CREATE SEQUENCE shop.z_seq",
                    "CREATE FUNCTION shop.twice(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2'",
                    "CREATE FUNCTION shop.stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'"),
            List.of("CREATE TABLE shop.product (id integer PRIMARY KEY, color shop.color, price shop.price,"
                            + " no integer DEFAULT nextval('shop.a_seq'), CHECK (shop.twice(id) > 0))",
                    "CREATE TABLE shop.basket (id integer PRIMARY KEY, product_id integer NOT NULL,"
                            + " no integer DEFAULT nextval('shop.z_seq'))",
                    "CREATE TABLE shop.log (at timestamptz DEFAULT now(), line text)"),
            List.of("CREATE INDEX basket_product_idx ON shop.basket (product_id)",
                    "CREATE INDEX product_color_idx ON shop.product (color) WHERE color IS NOT NULL",
                    "ALTER TABLE shop.basket ADD CONSTRAINT basket_product_fk FOREIGN KEY (product_id)"
                            + " REFERENCES shop.product (id)",
                    "CREATE VIEW shop.red_products AS SELECT id FROM shop.product WHERE color = 'red'",
                    "CREATE TRIGGER basket_stamp BEFORE INSERT ON shop.basket FOR EACH ROW"
                            + " EXECUTE FUNCTION shop.stamp()",
                    "COMMENT ON TABLE shop.log IS 'append only'"),
            List.of("CREATE VIEW shop.baskets_of_red AS SELECT b.id FROM shop.basket b"
                    + " JOIN shop.red_products r ON r.id = b.product_id"));

    @Test
    void creationOrderDoesNotChangeTheScripts() throws SQLException {
        try (DisposableDatabase forward = DatabaseTemplate.empty(SERVER).checkout();
             DisposableDatabase backward = DatabaseTemplate.empty(SERVER).checkout()) {
            for (List<String> group : GROUPS) {
                execute(forward, String.join(";\n", group));
                List<String> reversed = new ArrayList<>(group.subList(1, group.size()));
                Collections.reverse(reversed);
                reversed.add(0, group.get(0)); // the schema first, the rest backwards
                execute(backward, String.join(";\n", group == GROUPS.get(0) ? reversed : reverse(group)));
            }
            SchemaScripts scripts = write(forward);
            assertThat(write(backward)).isEqualTo(scripts);
            assertThat(write(forward)).isEqualTo(scripts);
            assertThat(scripts.preData()).doesNotContain("pg_temp", "00:00:00", "2026-").contains(
                    "-- pgtestkit: TABLE shop.basket\n", "-- pgtestkit: VIEW shop.baskets_of_red\n");
            // A view over a view comes after it, although its name sorts first.
            assertThat(scripts.preData().indexOf("VIEW shop.red_products\n"))
                    .isLessThan(scripts.preData().indexOf("VIEW shop.baskets_of_red\n"));
        }
    }

    private static List<String> reverse(List<String> group) {
        List<String> reversed = new ArrayList<>(group);
        Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void readsTheCatalogInAFixedNumberOfQueries() throws SQLException {
        try (DisposableDatabase small = DatabaseTemplate.empty(SERVER).checkout();
             DisposableDatabase large = DatabaseTemplate.empty(SERVER).checkout()) {
            execute(small, tables(2));
            execute(large, tables(60));
            int smallCount = countStatements(small);
            assertThat(countStatements(large)).isEqualTo(smallCount);
            assertThat(smallCount).isLessThan(20);
        }
    }

    private static String tables(int count) {
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE s;");
        for (int i = 0; i < count; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id serial PRIMARY KEY, n integer DEFAULT nextval('s')"
                    + " CHECK (n > 0), ref integer REFERENCES t0 (id));CREATE INDEX ON t").append(i).append(" (n);")
                    .append("CREATE VIEW v").append(i).append(" AS SELECT * FROM t").append(i).append(';');
        }
        return sql.toString();
    }

    /** Statements the writer creates on its connection (each runs one query). */
    private static int countStatements(DisposableDatabase db) throws SQLException {
        AtomicInteger statements = new AtomicInteger();
        try (Connection c = db.connect()) {
            Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("createStatement") || method.getName().equals("prepareStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            new CatalogSchemaWriter().write(counting, t -> true);
        }
        return statements.get();
    }

    @Test
    void aSubsetLeavesOutWhatNeedsAnExcludedTableAndPullsInPartitionParents() throws SQLException {
        try (DisposableDatabase source = DatabaseTemplate.empty(SERVER).checkout();
             DisposableDatabase target = DatabaseTemplate.empty(SERVER).checkout()) {
            execute(source, resource("kinds.sql"));
            Set<QualifiedName> excluded = Set.of(QualifiedName.of("inventory", "stock"),
                    QualifiedName.of("Sales Dept", "orders_other"), QualifiedName.of("Sales Dept", "Orders"),
                    QualifiedName.of("Sales Dept", "orders_eu"));
            SchemaScripts scripts = write(new CatalogSchemaWriter(), source, t -> !excluded.contains(t));
            String all = scripts.preData() + scripts.postData();
            assertThat(all).doesNotContain("TABLE inventory.stock\n", "orders_other", "stock_warehouse_fk",
                    "movement_sku_fkey", "VIEW inventory.z_stock_base", "VIEW inventory.a_stock_summary",
                    "m_totals", "TRIGGER inventory.stock").contains(
                    // orders_eu_2025 is included: its parents come with it (without the excluded sibling)
                    "-- pgtestkit: TABLE Sales Dept.Orders\n", "-- pgtestkit: TABLE Sales Dept.orders_eu\n",
                    "-- pgtestkit: TABLE Sales Dept.orders_eu_2025\n", "-- pgtestkit: TABLE inventory.movement\n",
                    "-- pgtestkit: SEQUENCE inventory.ticket_seq\n", "-- pgtestkit: TABLE inventory.warehouse\n");
            restore(scripts, target);
            assertThat(write(target)).isEqualTo(scripts);
        }
    }

    @Test
    void objectsTheWriterCannotWriteAreNamedWithTheAlternative() throws SQLException {
        try (DisposableDatabase source = DatabaseTemplate.empty(SERVER).checkout()) {
            execute(source, """
                    CREATE SCHEMA odd;
                    CREATE OPERATOR odd.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq);
                    CREATE TABLE odd.pairs (a integer, b integer, CONSTRAINT pairs_same CHECK (a OPERATOR(odd.===) b));
                    CREATE COLLATION odd.bytes FROM "C";
                    CREATE TABLE odd.names (name text COLLATE odd.bytes);
                    CREATE AGGREGATE odd.total(integer) (SFUNC = int4pl, STYPE = integer);
                    CREATE TABLE odd.plain (n integer);
                    CREATE VIEW odd.summed AS SELECT odd.total(n) FROM odd.plain;
                    CREATE TABLE odd.guarded (owner_name text);
                    CREATE POLICY only_mine ON odd.guarded USING (owner_name = current_user);
                    CREATE TABLE odd.fine (id integer PRIMARY KEY);
                    """);
            CatalogSchemaWriter writer = new CatalogSchemaWriter();
            assertThatThrownBy(() -> write(writer, source, t -> true))
                    .isInstanceOf(UnsupportedSchemaException.class)
                    .hasMessageContaining("operator odd.===(integer,integer) (used by TABLE odd.pairs)")
                    .hasMessageContaining("collation odd.bytes (used by TABLE odd.names)")
                    .hasMessageContaining("function odd.total(integer) (used by VIEW odd.summed)")
                    .hasMessageContaining("policy only_mine (on TABLE odd.guarded)")
                    .hasMessageContaining("--schema-writer=pg_dump");
            assertThatThrownBy(() -> write(writer, source, t -> t.name().equals("pairs")))
                    .isInstanceOf(UnsupportedSchemaException.class)
                    .hasMessageNotContaining("collation").hasMessageNotContaining("policy")
                    .satisfies(e -> assertThat(((UnsupportedSchemaException) e).table()).isEqualTo("pairs"));
            // Leaving the tables out leaves out what needs them: the rest is written.
            SchemaScripts scripts = write(writer, source, t -> t.name().equals("fine"));
            assertThat(scripts.preData()).contains("-- pgtestkit: TABLE odd.fine\n").doesNotContain("pairs",
                    "names", "summed", "guarded");
        }
    }
}

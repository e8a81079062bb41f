package dev.pgtestkit.core.schema;

import static dev.pgtestkit.core.schema.RegistryLoadIT.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Insertion order on real catalogs: subsets, seed schemas, and a cycle no row can enter. */
class InsertionOrderIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @Test
    void aSubsetIsOrderedByTheForeignKeysBetweenItsTables() {
        try (DisposableDatabase db = DatabaseTemplate.builder(server).flywayLocations(SeedSchemas.HARDCASES).build()
                .checkout()) {
            SchemaRegistry registry = SchemaRegistry.load(db.dataSource());
            InsertionOrder order = registry.insertionOrder(List.of(name("order_lines"), name("orders"),
                    name("products"), name("customers"), name("categories")));

            assertThat(order.tables()).containsExactly(name("categories"), name("customers"), name("orders"),
                    name("products"), name("order_lines"));
            assertThat(order.cycles()).extracting(FkCycle::tables).containsExactly(List.of(name("categories")));
            assertThatThrownBy(() -> registry.insertionOrder(List.of(name("orders"), name("nope"))))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageStartingWith("Table 'nope' not found in schema 'public'.");
        }
    }

    @Test
    void theKeepNotionSchemaPutsJobsBeforeTheirLogs() {
        try (DisposableDatabase db = DatabaseTemplate.builder(server).flywayLocations(SeedSchemas.KEEPNOTION).build()
                .checkout()) {
            InsertionOrder order = SchemaRegistry.load(db.dataSource()).insertionOrder();
            assertThat(order.tables()).containsExactly(name("credentials"), name("flyway_schema_history"),
                    name("sync_jobs"), name("sync_logs"), name("sync_state"));
            assertThat(order.cycles()).isEmpty();
        }
    }

    @Test
    void aCycleOfNotNullNonDeferrableKeysIsFoundAndRefusedOnlyWhenInsertabilityIsRequired() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            execute(c, """
                    CREATE TABLE husbands (id int PRIMARY KEY, wife_id int NOT NULL);
                    CREATE TABLE wives (id int PRIMARY KEY, husband_id int NOT NULL REFERENCES husbands);
                    ALTER TABLE husbands ADD CONSTRAINT husbands_wife_fk FOREIGN KEY (wife_id) REFERENCES wives;
                    CREATE TABLE weddings (husband_id int REFERENCES husbands, wife_id int REFERENCES wives);
                    """);
            SchemaRegistry registry = SchemaRegistry.load(c);

            InsertionOrder order = registry.insertionOrder();

            assertThat(order.tables()).containsExactly(name("husbands"), name("wives"), name("weddings"));
            assertThat(order.unbreakableCycles()).singleElement().satisfies(cycle -> {
                assertThat(cycle.tables()).containsExactly(name("husbands"), name("wives"));
                assertThat(cycle.edges()).extracting(ForeignKey::name)
                        .containsExactly("husbands_wife_fk", "wives_husband_id_fkey");
                assertThat(cycle.breakableEdges()).isEmpty();
            });
            assertThatThrownBy(order::requireInsertable)
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("The foreign keys of public.husbands, public.wives form a cycle that cannot be broken:"
                            + " husbands_wife_fk (public.husbands(wife_id) -> public.wives), wives_husband_id_fkey"
                            + " (public.wives(husband_id) -> public.husbands) - NOT NULL and not deferrable, so no row"
                            + " can be inserted first. Make one of these foreign keys' columns nullable or declare the"
                            + " constraint DEFERRABLE.");
            assertThat(registry.insertionOrder(List.of(name("wives"), name("weddings"))).requireInsertable().tables())
                    .containsExactly(name("wives"), name("weddings"));
        }
    }

    private static QualifiedName name(String table) {
        return QualifiedName.of("public", table);
    }
}

package dev.pgtestkit.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The quick-start snippets of the root README and of junit-extension's README, compiled and run. The regions between {@code tag::} and {@code end::}
 * comments are what the README shows (lines marked {@code // hidden} left out); {@code ReadmeSnippetsTest} fails when
 * the README and these regions differ.
 */
class QuickStartIT {

    @Test
    void templateAndClone() {
        // tag::template[]
        PostgresServer server = PostgresProvider.auto().shared();           // one per JVM
        DatabaseTemplate template = DatabaseTemplate.builder(server)
                .flywayLocations("classpath:db/migration")                  // or .sqlScripts(Path...), .source(...)
                .build();                                                   // migrated once, reused by later runs
        try (DisposableDatabase db = template.checkout()) {                 // a clone: 0.02-0.06 ms from the warm pool, 46-84 ms cold
            DataSource ds = db.dataSource();
            assertThat(new UserService(ds).count()).isZero(); // hidden
            new UserService(ds).register("grace@example.com"); // hidden
            assertThat(server.databases(db.name())).containsExactly(db.name()); // hidden
        }                                                                   // dropped on close (keep() keeps it)
        // end::template[]
        assertThat(template.name()).startsWith("pgtestkit_tpl_");
    }

    @Test
    void testTransactionOutsideJUnit() {
        DatabaseTemplate template = DatabaseTemplate.builder(PostgresProvider.auto().shared())
                .flywayLocations("classpath:db/migration").build();
        try (DisposableDatabase db = template.checkout()) {
            // tag::test-transaction[]
            try (TestTransaction tx = TestTransaction.begin(db)) {             // or TestTransaction.builder(db)...begin()
                new UserService(tx.dataSource()).register("ada@example.com");   // its commits become savepoint releases
                tx.savepoint("before");
                new UserService(tx.dataSource()).register("grace@example.com"); // hidden
                tx.rollbackTo("before");
                assertThat(new UserService(tx.dataSource()).count()).isEqualTo(1); // hidden
            }                                                                   // everything is rolled back
            // end::test-transaction[]
            assertThat(new UserService(db.dataSource()).count()).isZero();
        }
    }

    // tag::junit[]
    @PgTest(migrations = "classpath:db/migration")
    @WithTransaction
    @Nested // hidden
    class UserServiceTest {

        @Test
        void registersUsers(DataSource dataSource) {
            UserService service = new UserService(dataSource);   // may commit, roll back, use a pool...
            service.register("ada@example.com");
            assertThat(service.find("ada@example.com")).isPresent();
        }                                                        // ...and every write is gone afterwards

        @Test
        void startsFromAnEmptyTable(DataSource dataSource) {
            assertThat(new UserService(dataSource).count()).isZero();
        }
    }
    // end::junit[]
}

package dev.pgtestkit.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.core.tx.TestTransaction;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.querylog.QueryLogAssert;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.Dumper;
import dev.pgtestkit.sync.MaskingKey;
import dev.pgtestkit.sync.MaskingPolicy;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.Restorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick-start snippets of the root README (one per module) and of junit-extension's README, compiled and run. The regions between {@code tag::} and {@code end::}
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

    @Test
    void rowsMockDataAndTheQueryLogger() {
        DatabaseTemplate template = DatabaseTemplate.builder(PostgresProvider.auto().shared())
                .flywayLocations("classpath:db/migration").build();
        try (DisposableDatabase db = template.checkout()) {
            // tag::rows[]
            Rows rows = Rows.of(db.dataSource());
            Map<String, Object> ada = rows.insert("User", Map.of("email", "ada@example.com")); // names matched forgivingly
            Optional<Map<String, Object>> same = rows.getBy("users", "email", "ada@example.com");
            List<Map<String, Object>> newest = rows.from("users").orderByDesc("createdAt").limit(10).list();
            assertThat(same).contains(ada); // hidden
            assertThat(newest).containsExactly(ada); // hidden
            // end::rows[]

            // tag::mock[]
            MockDataGenerator generator = MockDataGenerator.builder(db.dataSource()).seed(42).build();
            generator.generate(GenerationPlan.builder()
                    .table("users", 1_000, t -> t.column("createdAt", ColumnOverride.serverDefault()))
                    .build());                                                  // unique emails, loaded with COPY
            assertThat(rows.count("users")).isEqualTo(1_001); // hidden
            // end::mock[]

            // tag::query-logger[]
            QueryLogger logger = QueryLogger.builder().build();
            DataSource logged = logger.wrap(db.dataSource());                   // any DataSource
            try (QueryScope scope = logger.startScope("counts users")) {
                new UserService(logged).count();
                QueryLogAssert.assertThat(scope.log()).hasSelectCount(1).hasNoNPlusOne();
            }
            // end::query-logger[]
        }
    }

    @Test
    void maskedDumpRestored(@TempDir Path dumps) {
        PostgresServer server = PostgresProvider.auto().shared();
        DatabaseTemplate template = DatabaseTemplate.builder(server).flywayLocations("classpath:db/migration").build();
        byte[] secret = "quick-start-masking-key-of-32-bytes".getBytes(StandardCharsets.UTF_8);
        try (DisposableDatabase production = template.checkout(); DisposableDatabase test = template.checkout()) {
            new UserService(production.dataSource()).register("ada@example.com");
            // tag::db-sync[]
            Path dump = dumps.resolve("production");
            Dumper.dump(PgDatabase.of(server, production.name()), dump, DumpOptions.builder()
                    .production(true)                                           // refuse undecided sensitive columns
                    .masking(MaskingPolicy.parse("columns:\n  public.users.email: email\n", "inline policy"))
                    .maskingKey(MaskingKey.of(secret))
                    .build());
            Restorer.restore(dump, PgDatabase.of(server, test.name()),
                    RestoreOptions.builder().terminateSessions(true).build()); // shadow database, verified, swapped in
            // end::db-sync[]
            assertThat(new UserService(test.dataSource()).count()).isOne();
            assertThat(new UserService(test.dataSource()).find("ada@example.com")).isEmpty();
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

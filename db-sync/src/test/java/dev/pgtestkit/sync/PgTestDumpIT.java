package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.execute;
import static dev.pgtestkit.sync.SyncTestSupport.pg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.junit.PgTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @PgTest(dump = ...)} end to end: a masked dump of a database becomes the template every test class clones
 * (junit-extension finds db-sync on this class path by name), keyed by the manifest's content hash.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgTestDumpIT {

    /** Relative to the working directory (the module directory under Maven), as users write it. */
    static final String DUMP = "target/pgtestdump-it/app-masked";

    static final MaskingPolicy POLICY = MaskingPolicy.parse("""
            columns:
              public.users.email: email
              public.users.full_name: full_name
            """, "test policy");

    static DisposableDatabase source;
    /** What the fixtures must find: set by each step before it runs them. */
    static volatile String expectedOrder7Note;

    @BeforeAll
    static void dumpMaskedSource() {
        source = database("""
                CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, full_name text NOT NULL);
                CREATE TABLE orders (id int PRIMARY KEY, user_email text NOT NULL REFERENCES users (email),
                                     note text);
                """,
                "INSERT INTO users SELECT i, 'person' || i || '@realcorp.example', 'Realname Person' || i"
                        + " FROM generate_series(1, 100) i",
                "INSERT INTO orders SELECT i, 'person' || (1 + i % 100) || '@realcorp.example', 'note ' || i"
                        + " FROM generate_series(1, 300) i");
        dump();
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    private static DumpManifest dump() {
        return Dumper.dump(pg(source), Path.of(DUMP), DumpOptions.builder()
                .masking(POLICY).maskingKey(MaskingIT.KEY).production(true).build());
    }

    @Test
    @Order(1)
    void everyClassClonesTheMaskedDump() {
        expectedOrder7Note = "note 7";
        assertAllPass(4, FirstClass.class, SecondClass.class);
    }

    @Test
    @Order(2)
    void theTemplateIsKeyedByTheManifestsContentHash() {
        String before = templateName();
        DumpManifest again = dump();
        assertThat(templateName()).as("a new dump of the same data reuses the template").isEqualTo(before);

        execute(source.connect(), "UPDATE orders SET note = 'changed' WHERE id = 7");
        DumpManifest changed = dump();
        assertThat(changed.contentHash()).isNotEqualTo(again.contentHash());
        assertThat(templateName()).as("changed content, another template").isNotEqualTo(before);
        expectedOrder7Note = "changed";
        assertAllPass(4, FirstClass.class, SecondClass.class);
    }

    private static String templateName() {
        return DatabaseTemplate.builder(SERVER).source(DumpTemplateSource.of(Path.of(DUMP))).build().name();
    }

    /** The checks each fixture class runs; the first test of each class empties a table its second test checks. */
    abstract static class DumpChecks {
        @Test
        @Order(1)
        void holdsTheMaskedRowsAndEmptiesItsOwnCopy(DataSource dataSource) throws SQLException {
            assertThat(query(dataSource, "SELECT count(*) FROM users")).isEqualTo("100");
            assertThat(query(dataSource, "SELECT count(*) FROM users WHERE email LIKE '%realcorp%'"
                    + " OR full_name LIKE 'Realname%'")).as("no original email or name").isEqualTo("0");
            assertThat(query(dataSource, "SELECT count(*) FROM orders JOIN users ON users.email = orders.user_email"))
                    .as("the masked foreign key still joins").isEqualTo("300");
            assertThat(query(dataSource, "SELECT note FROM orders WHERE id = 7")).isEqualTo(expectedOrder7Note);
            update(dataSource, "DELETE FROM orders");
        }

        @Test
        @Order(2)
        void keepsWhatThisClassDid(DataSource dataSource) throws SQLException {
            assertThat(query(dataSource, "SELECT count(*) FROM orders")).isEqualTo("0");
        }
    }

    @PgTest(dump = DUMP)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FirstClass extends DumpChecks {
    }

    @PgTest(dump = DUMP)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SecondClass extends DumpChecks {
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void update(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void assertAllPass(int tests, Class<?>... fixtures) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(java.util.Arrays.stream(fixtures).map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
        StringBuilder failures = new StringBuilder();
        results.allEvents().failed().stream().forEach(event -> event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).ifPresent(t -> {
                    StringWriter out = new StringWriter();
                    t.printStackTrace(new PrintWriter(out));
                    failures.append(event.getTestDescriptor().getDisplayName()).append(": ").append(out);
                }));
        assertThat(failures.toString()).as("failures").isEmpty();
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
    }
}

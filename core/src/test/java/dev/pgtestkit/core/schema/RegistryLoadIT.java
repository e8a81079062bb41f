package dev.pgtestkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading: a fixed number of catalog queries, extension types by name, schema selection, connection state. */
class RegistryLoadIT {

    private final PostgresServer server = PostgresProvider.auto().shared();

    @Test
    void catalogQueriesDoNotGrowWithTheNumberOfTables() throws SQLException {
        int forFive = countedLoad(5);
        int forTwoHundred = countedLoad(200);

        // Seven catalog queries plus the one that turns JIT off for them.
        assertThat(forFive).isEqualTo(forTwoHundred).isEqualTo(8);
    }

    private int countedLoad(int tables) throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            execute(c, chainOfTables(tables));
            CountingConnection counting = new CountingConnection(c);
            SchemaRegistry registry = SchemaRegistry.load(counting.connection());
            assertThat(registry.tables()).hasSize(tables);
            assertThat(registry.table("t" + (tables - 1)).foreignKeys()).hasSize(1);
            assertThat(registry.catalogQueryCount()).isEqualTo(counting.executions());
            return counting.executions();
        }
    }

    /** t0..t(n-1), each with a key, six columns of varied types, a check, an index and a key to the one before. */
    private static String chainOfTables(int count) {
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ddl.append("CREATE TABLE t").append(i).append(" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,")
                    .append(" name varchar(40) NOT NULL, price numeric(8,2) CHECK (price >= 0), tags text[],")
                    .append(" at timestamptz DEFAULT now(), doc jsonb")
                    .append(i == 0 ? "" : ", parent_id bigint REFERENCES t" + (i - 1)).append(");")
                    .append("CREATE INDEX ON t").append(i).append(" (name);");
        }
        return ddl.toString();
    }

    @Test
    void extensionTypesAreModelledByNameNotRejected() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            execute(c, """
                    CREATE EXTENSION citext;
                    CREATE EXTENSION hstore;
                    CREATE EXTENSION cube;
                    CREATE DOMAIN nickname AS citext CHECK (length(VALUE) <= 20);
                    CREATE TABLE profiles (id int PRIMARY KEY, email citext NOT NULL UNIQUE, attrs hstore,
                                           position cube, aliases citext[], nick nickname);
                    """);
            Table profiles = SchemaRegistry.load(c).table("profiles");

            assertThat(profiles.matchColumn("email").type()).isEqualTo(new PgType("public", "citext", "citext",
                    TypeCategory.BASE, List.of(), null, null, List.of(), false));
            assertThat(profiles.matchColumn("attrs").type().name()).isEqualTo("hstore");
            assertThat(profiles.matchColumn("position").type().category()).isEqualTo(TypeCategory.BASE);
            assertThat(profiles.matchColumn("aliases").type().elementType().name()).isEqualTo("citext");
            assertThat(profiles.matchColumn("nick").type().rootType().name()).isEqualTo("citext");
            assertThat(profiles.uniqueKeys()).extracting(UniqueKey::columns).containsExactly(List.of("email"));
        }
    }

    @Test
    void modifiersReachArrayElementsDomainsAndNegativeScales() throws SQLException {
        boolean negativeScales = server.versionNum() >= 150000; // PostgreSQL 14 has none
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            execute(c, """
                    CREATE DOMAIN code AS varchar(8);
                    CREATE TABLE modifiers (codes varchar(10)[], amounts numeric(7,3)[], rounded numeric(5,%s),
                                            domain_code code, domain_codes code[], stamp interval(2));
                    """.formatted(negativeScales ? "-2" : "2"));
            Table table = SchemaRegistry.load(c).table("modifiers");

            assertThat(table.matchColumn("codes")).extracting(Column::length).isEqualTo(10);
            assertThat(table.matchColumn("codes").type().elementType().displayName())
                    .isEqualTo("character varying(10)");
            assertThat(table.matchColumn("amounts")).extracting(Column::precision, Column::scale)
                    .containsExactly(7, 3);
            assertThat(table.matchColumn("rounded")).extracting(Column::precision, Column::scale)
                    .containsExactly(5, negativeScales ? -2 : 2);
            assertThat(table.matchColumn("domain_code").length()).isEqualTo(8);
            assertThat(table.matchColumn("domain_codes").length()).isEqualTo(8);
            assertThat(table.matchColumn("domain_codes").type().elementType().category())
                    .isEqualTo(TypeCategory.DOMAIN);
            assertThat(table.matchColumn("stamp").precision()).isEqualTo(2);
        }
    }

    @Test
    void loadsOnlyTheSchemasAskedFor() throws SQLException {
        try (DisposableDatabase db = hardCases(); Connection c = db.connect()) {
            SchemaRegistry audit = SchemaRegistry.load(c, List.of("audit"));

            assertThat(audit.schemas()).containsExactly("audit");
            assertThat(audit.tables()).extracting(Table::name).containsExactly(QualifiedName.of("audit", "events"));
            assertThat(audit.table("events").foreignKeys()).singleElement()
                    .satisfies(fk -> {
                        // public is not loaded: the referenced side is still named, columns included.
                        assertThat(fk.referencedTable()).isEqualTo(QualifiedName.of("public", "customers"));
                        assertThat(fk.referencedColumns()).containsExactly("id");
                        assertThat(fk.columns()).containsExactly("customer_id");
                    });
            assertThat(audit.sequences()).extracting(Sequence::name)
                    .containsExactly(QualifiedName.of("audit", "events_id_seq"));
        }
    }

    @Test
    void anUnknownSchemaIsAnErrorWithSuggestions() throws SQLException {
        try (DisposableDatabase db = hardCases(); Connection c = db.connect()) {
            assertThatThrownBy(() -> SchemaRegistry.load(c, List.of("public", "audti")))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("Schema 'audti' not found. Available schemas: audit, public. Did you mean: audit?");
        }
    }

    @Test
    void anEmptyDatabaseHasThePublicSchemaAndNoTables() {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout()) {
            SchemaRegistry registry = SchemaRegistry.load(db.dataSource());
            assertThat(registry.schemas()).containsExactly("public");
            assertThat(registry.tables()).isEmpty();
            assertThat(registry.insertionOrder().tables()).isEmpty();
            assertThatThrownBy(() -> registry.table("users"))
                    .hasMessage("Table 'users' not found. Available tables: (none).");
        }
    }

    @Test
    void leavesAnAutoCommitConnectionAsItFoundIt() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            execute(c, "SET jit = on");
            SchemaRegistry.load(c);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(show(c, "jit")).isEqualTo("on");
            execute(c, "CREATE TABLE after_load (id int)");
        }
    }

    @Test
    void insideTheCallersTransactionItSeesUncommittedDdlAndLeavesTheTransactionOpen() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            execute(c, "CREATE TABLE pending (id int PRIMARY KEY); SET LOCAL jit = on");

            SchemaRegistry registry = SchemaRegistry.load(c);

            assertThat(registry.table("pending").primaryKey().columns()).containsExactly("id");
            assertThat(registry.catalogQueryCount()).isEqualTo(9);
            assertThat(show(c, "jit")).isEqualTo("on");

            c.rollback();
            assertThat(SchemaRegistry.load(c).tables()).isEmpty();
        }
    }

    @Test
    void theModelIsASnapshotThatLaterDdlDoesNotChange() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            execute(c, "CREATE TABLE first (id int)");
            SchemaRegistry before = SchemaRegistry.load(c);
            execute(c, "CREATE TABLE second (id int); ALTER TABLE first ADD COLUMN name text");

            assertThat(before.tables()).extracting(Table::simpleName).containsExactly("first");
            assertThat(before.table("first").columnNames()).containsExactly("id");
            assertThat(SchemaRegistry.load(c).table("first").columnNames()).containsExactly("id", "name");
        }
    }

    @Test
    void droppedColumnsLeaveGapsInTheOrdinals() throws SQLException {
        try (DisposableDatabase db = DatabaseTemplate.empty(server).checkout(); Connection c = db.connect()) {
            execute(c, "CREATE TABLE gaps (a int, b int, c int); ALTER TABLE gaps DROP COLUMN b");
            assertThat(SchemaRegistry.load(c).table("gaps").columns()).extracting(Column::name, Column::ordinal)
                    .containsExactly(tuple("a", 1), tuple("c", 3));
        }
    }

    private DisposableDatabase hardCases() {
        return DatabaseTemplate.builder(server).flywayLocations(SeedSchemas.HARDCASES).build().checkout();
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

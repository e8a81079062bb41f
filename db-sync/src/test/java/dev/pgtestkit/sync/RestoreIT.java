package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.dump;
import static dev.pgtestkit.sync.SyncTestSupport.files;
import static dev.pgtestkit.sync.SyncTestSupport.fixedSchema;
import static dev.pgtestkit.sync.SyncTestSupport.pg;
import static dev.pgtestkit.sync.SyncTestSupport.rows;
import static dev.pgtestkit.sync.SyncTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.sync.internal.schema.SchemaWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreIT {

    /** As a DDL writer splits it: tables first, keys and indexes after the data. */
    static final String PRE = """
            CREATE TABLE public.users (id integer NOT NULL, email text NOT NULL, name text);
            CREATE TABLE public.orders (id bigint NOT NULL, user_id integer, total numeric(10,2));
            CREATE SEQUENCE public.orders_seq;
            """;
    static final String POST = """
            ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
            ALTER TABLE public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
            CREATE UNIQUE INDEX users_email ON public.users (email);
            CREATE INDEX orders_user ON public.orders (user_id) WHERE total > 10;
            ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id);
            SELECT pg_catalog.setval('public.orders_seq', 4000, true);
            """;
    static final SchemaWriter WRITER = fixedSchema(PRE, POST);

    static DisposableDatabase source;
    static Path dump;

    @TempDir
    static Path tmp;

    final List<String> created = new ArrayList<>();

    @BeforeAll
    static void dumpSource() {
        source = database(PRE, POST,
                "INSERT INTO users SELECT i, 'u' || i || '@example.org', 'User ' || i FROM generate_series(1, 300) i",
                "INSERT INTO orders SELECT i, 1 + i % 300, i % 50 FROM generate_series(1, 4000) i");
        dump = tmp.resolve("dump");
        dump(pg(source), dump, DumpOptions.defaults(), WRITER);
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    @AfterEach
    void dropCreated() {
        for (String name : created) {
            for (String db : SERVER.databases("pgtestkit_")) {
                if (db.equals(name) || db.startsWith("pgtestkit_kept_") || db.startsWith("pgtestkit_old_")) {
                    SERVER.dropDatabase(db);
                }
            }
        }
        assertThat(SERVER.databases(Restorer.SHADOW_PREFIX)).as("shadow databases left behind").isEmpty();
    }

    private PgDatabase newTarget() {
        String name = "pgtestkit_restoretest_" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        return PgDatabase.of(SERVER, name);
    }

    @Test
    void restoresIntoANewDatabaseThatDumpsToTheSameBytes() throws IOException {
        PgDatabase target = newTarget();
        List<SyncEvent> events = new CopyOnWriteArrayList<>();
        RestoreResult result = Restorer.restore(dump, target, RestoreOptions.builder().jobs(3)
                .listener(events::add).build());
        assertThat(result.rows()).isEqualTo(4300);
        assertThat(result.oldDatabase()).isNull();
        assertThat(text(target, "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id")).isEqualTo("4000");
        assertThat(text(target, "SELECT nextval('orders_seq')")).as("sequences continue").isEqualTo("4001");
        assertThat(text(target, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")).isEqualTo("4");
        assertThat(text(target, "SELECT count(*) FROM pg_stats WHERE tablename = 'orders'")).as("analyzed")
                .isNotEqualTo("0");
        assertThat(events).extracting(SyncEvent::phase).contains(SyncEvent.Phase.SCHEMA, SyncEvent.Phase.DATA,
                SyncEvent.Phase.POST_DATA, SyncEvent.Phase.SWAP);

        Path again = tmp.resolve("again-" + target.name());
        dump(target, again, DumpOptions.defaults(), WRITER);
        for (String f : files(dump)) {
            if (f.startsWith("data/")) {
                assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dump.resolve(f)));
            }
        }
    }

    @Test
    void replacesAnExistingTargetAndKeepsTheOldOneOnRequest() {
        PgDatabase target = newTarget();
        SERVER.createDatabase(target.name(), null);
        SyncTestSupport.execute(target.connect(), "CREATE TABLE old_stuff (x int)",
                "COMMENT ON DATABASE " + target.name() + " IS 'team data'");
        RestoreResult result = Restorer.restore(dump, target, RestoreOptions.builder().keepOld(true).build());
        assertThat(result.oldDatabase()).startsWith("pgtestkit_kept_");
        assertThat(text(target, "SELECT count(*) FROM users")).isEqualTo("300");
        assertThat(text(target, "SELECT to_regclass('old_stuff') IS NULL")).isEqualTo("t");
        assertThat(text(target, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '"
                + target.name() + "'")).isEqualTo("team data");
        assertThat(text(target.sibling(result.oldDatabase()), "SELECT to_regclass('old_stuff') IS NOT NULL"))
                .isEqualTo("t");
    }

    @Test
    void refusesAProductionTargetWithoutTheExplicitFlag() {
        PgDatabase target = newTarget();
        SERVER.createDatabase(target.name(), null);
        SyncTestSupport.execute(target.connect(), "CREATE TABLE precious (x int)", "INSERT INTO precious VALUES (1)",
                "COMMENT ON DATABASE " + target.name() + " IS 'billing; pgtestkit:production'");
        assertThatThrownBy(() -> Restorer.restore(dump, target)).isInstanceOf(ProductionDatabaseException.class)
                .hasMessageContaining("'" + target.name() + "'").hasMessageContaining("pgtestkit:production")
                .satisfies(e -> assertThat(((SyncException) e).errorCode()).isEqualTo(17));
        PgDatabase other = newTarget();
        SERVER.createDatabase(other.name(), null);
        assertThatThrownBy(() -> Restorer.restore(dump, other, RestoreOptions.builder().production(true).build()))
                .isInstanceOf(ProductionDatabaseException.class).hasMessageContaining("by the configuration");
        assertThat(text(target, "SELECT count(*) FROM precious")).isEqualTo("1");

        Restorer.restore(dump, target, RestoreOptions.builder().allowProduction(true).build());
        assertThat(text(target, "SELECT count(*) FROM users")).isEqualTo("300");
        assertThat(text(target, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '"
                + target.name() + "'")).as("still marked").contains("pgtestkit:production");
    }

    @Test
    void aTamperedOrTruncatedDumpIsRefusedAndTheTargetUntouched() throws IOException {
        PgDatabase target = newTarget();
        Restorer.restore(dump, target);
        SyncTestSupport.execute(target.connect(), "INSERT INTO users VALUES (9999, 'marker@x', 'marker')");
        Path damaged = tmp.resolve("damaged-" + target.name());
        copy(dump, damaged);
        Path orders = damaged.resolve("data/public.orders.tsv");
        Files.writeString(orders, Files.readString(orders).replace("\t17\t", "\t18\t"));
        assertThatThrownBy(() -> Restorer.restore(damaged, target)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("data/public.orders.tsv: SHA-256").hasMessageContaining("nothing was restored");
        byte[] users = Files.readAllBytes(damaged.resolve("data/public.users.tsv"));
        Files.write(damaged.resolve("data/public.users.tsv"), java.util.Arrays.copyOf(users, users.length - 7));
        assertThatThrownBy(() -> Restorer.restore(damaged, target)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("data/public.users.tsv: " + (users.length - 7) + " bytes")
                .hasMessageContaining("(truncated)");
        Files.writeString(damaged.resolve("schema/pre-data.sql"), PRE + "DROP TABLE IF EXISTS x;\n");
        assertThatThrownBy(() -> Restorer.restore(damaged, target)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("schema/pre-data.sql");
        assertThat(text(target, "SELECT name FROM users WHERE id = 9999")).isEqualTo("marker");
    }

    @Test
    void connectedSessionsAreReportedAndTerminatedOnlyOnRequest() throws Exception {
        PgDatabase target = newTarget();
        Restorer.restore(dump, target);
        try (Connection open = target.connect()) {
            open.setClientInfo("ApplicationName", "reporting-job");
            assertThatThrownBy(() -> Restorer.restore(dump, target)).isInstanceOf(RestoreException.class)
                    .hasMessageContaining("1 session(s) are connected").hasMessageContaining("reporting-job")
                    .hasMessageContaining("target is unchanged");
            assertThat(open.isValid(2)).isTrue();
            RestoreResult result = Restorer.restore(dump, target, RestoreOptions.builder().terminateSessions(true)
                    .build());
            assertThat(result.sessions()).singleElement().asString().contains("reporting-job");
            assertThat(open.isValid(2)).isFalse();
        }
        assertThat(text(target, "SELECT count(*) FROM orders")).isEqualTo("4000");
    }

    @Test
    void twoRestoresOfOneTargetDoNotRunAtOnce() throws Exception {
        PgDatabase target = newTarget();
        long key = java.nio.ByteBuffer.wrap(java.security.MessageDigest.getInstance("SHA-256").digest(
                ("pgtestkit restore " + target.name()).getBytes(StandardCharsets.UTF_8))).getLong();
        try (Connection other = target.sibling("postgres").connect()) {
            SyncTestSupport.rows(target.sibling("postgres"), "SELECT 1");
            try (var s = other.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + key + ")");
            }
            assertThatThrownBy(() -> Restorer.restore(dump, target)).isInstanceOf(ConcurrentRestoreException.class)
                    .hasMessageContaining("Another restore of database '" + target.name() + "' is running");
        }
        Restorer.restore(dump, target);
    }

    @Test
    void aKilledRestoreLeavesTheTargetUntouchedAndTheNextRunDropsItsShadow() throws Exception {
        PgDatabase target = newTarget();
        Restorer.restore(dump, target);
        SyncTestSupport.execute(target.connect(), "INSERT INTO users VALUES (9999, 'marker@x', 'marker')");
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), KilledRestoreChild.class.getName(),
                dump.toString(), SERVER.jdbcUrl(target.name()), SERVER.user()).redirectErrorStream(true);
        Path passwordFile = tmp.resolve("child.pgpass"); // the child finds the password as a user's process would
        if (SyncTestSupport.writePasswordFile(passwordFile)) {
            process.environment().put("PGPASSFILE", passwordFile.toString());
        }
        Process child = process.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(KilledRestoreChild.LOADING));
            assertThat(line).as("the child reached the data phase").isEqualTo(KilledRestoreChild.LOADING);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(SERVER.databases(Restorer.SHADOW_PREFIX)).as("the killed run's shadow").hasSize(1);
        assertThat(text(target, "SELECT name FROM users WHERE id = 9999")).isEqualTo("marker");

        List<SyncEvent> events = new CopyOnWriteArrayList<>();
        SyncTestSupport.execute(target.connect(), "DELETE FROM users WHERE id = 9999");
        Restorer.restore(dump, target, RestoreOptions.builder().listener(events::add).build());
        assertThat(events).filteredOn(e -> e.type() == SyncEvent.Type.NOTICE).extracting(SyncEvent::message)
                .anySatisfy(m -> assertThat(m).contains("interrupted restore of " + target.name()));
        assertThat(SERVER.databases(Restorer.SHADOW_PREFIX)).isEmpty();
    }

    static void copy(Path from, Path to) throws IOException {
        for (String f : files(from)) {
            Files.createDirectories(to.resolve(f).getParent());
            Files.copy(from.resolve(f), to.resolve(f));
        }
    }

    static List<List<String>> all(PgDatabase db, String table) {
        return rows(db, "SELECT * FROM " + table + " ORDER BY 1");
    }
}

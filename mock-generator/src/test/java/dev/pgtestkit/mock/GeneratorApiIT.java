package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.QualifiedName;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** The public calls on a small blog schema: the seed's two calls, plans, results, reruns, files. */
class GeneratorApiIT {

    private static final String[] BLOG = {
        "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(120) NOT NULL UNIQUE,"
                + " name varchar(80) NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE posts (id serial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users,"
                + " title varchar(200) NOT NULL, body text, published boolean NOT NULL DEFAULT false)",
        "CREATE TABLE comments (id serial PRIMARY KEY, post_id int NOT NULL REFERENCES posts ON DELETE CASCADE,"
                + " author_id bigint REFERENCES users, body text NOT NULL)"};

    private static long count(DisposableDatabase db, String sql) {
        return TestDatabases.count(db, sql);
    }

    @Test
    void generateRowReturnsSuccessiveRowsWithoutWriting() {
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).seed(1).build();
            Map<String, Object> first = gen.generateRow("public", "users");
            Map<String, Object> second = gen.generateRow("public", "users");
            assertThat(first).containsKeys("id", "email", "name", "created_at");
            assertThat(first.get("email")).isNotEqualTo(second.get("email"));
            assertThat(MockDataGenerator.builder(db.dataSource()).seed(1).build().generateRow("public", "users"))
                    .isEqualTo(first);
            assertThat(count(db, "SELECT count(*) FROM users")).isZero();
        }
    }

    @Test
    void aJunctionTableFilledToItsLastPairHoldsEveryPairOnce() {
        try (DisposableDatabase db = TestDatabases.withSchema(
                "CREATE TABLE students (id serial PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE courses (id serial PRIMARY KEY, title text NOT NULL)",
                "CREATE TABLE enrolments (student_id int NOT NULL REFERENCES students,"
                        + " course_id int NOT NULL REFERENCES courses, PRIMARY KEY (student_id, course_id))")) {
            MockDataGenerator.builder(db.dataSource()).seed(3).build().generate(GenerationPlan.builder()
                    .table("students", 10).table("courses", 10).table("enrolments", 100).build());
            assertThat(count(db, "SELECT count(*) FROM enrolments")).isEqualTo(100);
            assertThat(count(db, "SELECT count(*) FROM students s CROSS JOIN courses c"
                    + " WHERE NOT EXISTS (SELECT 1 FROM enrolments e"
                    + " WHERE e.student_id = s.id AND e.course_id = c.id)")).isZero();
        }
    }

    @Test
    void generateRelatedWritesAParentWithItsChildren() {
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            GenerationResult r = gen.generateRelated("public", "users",
                    Map.of("posts", ChildCount.of(3, "user_id")));
            assertThat(count(db, "SELECT count(*) FROM users")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM posts p JOIN users u ON u.id = p.user_id")).isEqualTo(3);
            assertThat(r.rows("posts")).hasSize(3).allSatisfy(p -> assertThat(p.get("user_id"))
                    .isEqualTo(r.rows("users").get(0).get("id")));
        }
    }

    @Test
    void resultReportsRowsKeysAndProgress() {
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            List<Long> progress = new ArrayList<>();
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).chunkRows(100)
                    .progress((table, done, total) -> {
                        if (table.equals(QualifiedName.of("public", "posts"))) {
                            progress.add(done);
                        }
                    }).build();
            GenerationResult r = gen.generate(GenerationPlan.builder().table("users", 50)
                    .table("posts", t -> t.perParent(ChildCount.between(2, 4))).table("comments", 1000).build());
            long posts = count(db, "SELECT count(*) FROM posts");
            assertThat(r.table("posts").orElseThrow().rows()).isEqualTo(posts).isBetween(100L, 200L);
            assertThat(progress).isNotEmpty().last().isEqualTo(posts);
            assertThat(r.keys("users")).hasSize(50).first().isEqualTo(List.of(1L));
            assertThat(r.table("users").orElseThrow().keyColumns()).containsExactly("id");
            assertThat(r.summary()).contains("public.comments").contains("total");
        }
    }

    @Test
    void aSecondGenerationContinuesKeysAndSequencesAndCanReuseParents() {
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            gen.generate(GenerationPlan.builder().table("users", 100).table("posts", 300).build());
            gen.generate(GenerationPlan.builder().table("users", 100, t -> t.reuseExistingRows(true))
                    .table("posts", 300).build());
            assertThat(count(db, "SELECT count(DISTINCT email) FROM users")).isEqualTo(200);
            assertThat(count(db, "SELECT count(*) FROM posts WHERE user_id <= 100 AND id > 300")).isPositive();
            TestDatabases.execute(db, "INSERT INTO users (email, name) VALUES ('app@example.test', 'App')",
                    "INSERT INTO posts (user_id, title) VALUES (1, 'from the app')");
            assertThat(count(db, "SELECT max(id) FROM users")).isEqualTo(201);
        }
    }

    @Test
    void tablesOutsideThePlanLendTheirRowsOrGetSomeWhenEmpty() {
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            gen.generate(GenerationPlan.builder().table("comments", 40).build());
            assertThat(count(db, "SELECT count(*) FROM users")).isEqualTo(10);
            assertThat(count(db, "SELECT count(*) FROM posts")).isEqualTo(10);
            gen.generate(GenerationPlan.builder().table("posts", 25).build());
            assertThat(count(db, "SELECT count(*) FROM users")).isEqualTo(10);
        }
    }

    @Test
    void deferredForeignKeyChecksAndCsvCopyLoadTheSameRows() {
        String plain;
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator.builder(db.dataSource()).seed(4).build()
                    .generate(GenerationPlan.builder().table("users", 300).table("posts", 900).build());
            plain = TestDatabases.contentDigest(db);
        }
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator.builder(db.dataSource()).seed(4).copyFormat(CopyFormat.CSV)
                    .allowDeferredForeignKeyChecks(true).build()
                    .generate(GenerationPlan.builder().table("users", 300).table("posts", 900).build());
            assertThat(TestDatabases.contentDigest(db)).isEqualTo(plain);
            assertThat(count(db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'")).isEqualTo(3);
        }
    }

    @Test
    void sqlScriptAndCsvFilesLoadElsewhere(@TempDir Path dir) throws Exception {
        GenerationPlan plan = GenerationPlan.builder().table("users", 200).table("posts", 400).build();
        String expected;
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).seed(9).build();
            gen.writeSql(plan, dir.resolve("blog.sql"));
            gen.writeCsv(plan, dir.resolve("csv"));
            gen.generate(plan);
            expected = TestDatabases.contentDigest(db);
        }
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG); Connection c = db.connect();
             Statement s = c.createStatement()) {
            s.execute(Files.readString(dir.resolve("blog.sql")));
            assertThat(TestDatabases.contentDigest(db)).isEqualTo(expected);
        }
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG); Connection c = db.connect()) {
            for (String table : List.of("users", "posts")) {
                try (Reader in = Files.newBufferedReader(dir.resolve("csv/public." + table + ".csv"))) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                            + (table.equals("users") ? " (id, email, name, created_at)"
                            : " (id, user_id, title, body, published)") + " FROM STDIN WITH (FORMAT csv, HEADER)", in);
                }
            }
            assertThat(TestDatabases.contentDigest(db)).isEqualTo(expected);
        }
    }

    @Test
    void offlineGeneratorStreamsRowsFromARegistry() {
        try (DisposableDatabase db = TestDatabases.withSchema(BLOG)) {
            MockDataGenerator offline = MockDataGenerator.builder(
                    dev.pgtestkit.core.schema.SchemaRegistry.load(db.dataSource())).build();
            List<GeneratedRow> rows = offline.stream(GenerationPlan.builder().table("posts", 20).build()).toList();
            assertThat(rows.stream().filter(r -> r.table().name().equals("posts"))).hasSize(20);
            assertThat(rows.get(0).table().name()).isEqualTo("users");
        }
    }
}

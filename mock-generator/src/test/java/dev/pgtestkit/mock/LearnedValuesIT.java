package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import org.junit.jupiter.api.Test;

/** Values learned from the server: JSON shaped like the documents already in the table, extension types probed. */
class LearnedValuesIT {

    @Test
    void jsonFollowsTheShapeOfTheDocumentsAlreadyInTheTable() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE TABLE events (id serial PRIMARY KEY, payload jsonb NOT NULL);
                INSERT INTO events (payload) VALUES
                  ('{"device": "ios", "version": 3, "tags": ["beta"], "geo": {"lat": 48.85, "lng": 2.35}}'),
                  ('{"device": "android", "version": 17, "tags": [], "geo": {"lat": 51.5, "lng": -0.12}}'),
                  ('{"device": "web", "version": 9, "tags": ["a", "b", "c"], "geo": {"lat": 40.71, "lng": -74.0}}');
                """)) {
            MockDataGenerator.builder(db.dataSource()).seed(6).build()
                    .generate(GenerationPlan.builder().table("events", 200).build());
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM events WHERE id > 3"
                    + " AND payload->>'device' IN ('ios', 'android', 'web')"
                    + " AND (payload->>'version')::int BETWEEN 3 AND 17"
                    + " AND jsonb_typeof(payload->'tags') = 'array' AND jsonb_array_length(payload->'tags') <= 3"
                    + " AND (payload->'geo'->>'lat')::numeric BETWEEN 40.71 AND 51.5"
                    + " AND (SELECT count(*) FROM jsonb_object_keys(payload)) = 4")).isEqualTo(200);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT payload) FROM events")).isGreaterThan(150);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT payload->>'device') FROM events")).isEqualTo(3);
        }
    }

    @Test
    void extensionTypesAreGeneratedInTheFormTheirInputFunctionAccepts() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE EXTENSION hstore; CREATE EXTENSION ltree; CREATE EXTENSION cube; CREATE EXTENSION seg;
                CREATE EXTENSION citext;
                CREATE TABLE places (id serial PRIMARY KEY, attrs hstore NOT NULL, path ltree NOT NULL,
                    extent cube NOT NULL, span seg, handle citext NOT NULL UNIQUE);
                """)) {
            MockDataGenerator.builder(db.dataSource()).seed(7).build()
                    .generate(GenerationPlan.builder().table("places", 200).build());
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT attrs) FROM places")).isGreaterThan(100);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM places WHERE array_length(akeys(attrs), 1)"
                    + " BETWEEN 1 AND 3")).isEqualTo(200);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT nlevel(path)) FROM places")).isEqualTo(4);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT cube_dim(extent)) FROM places")).isEqualTo(3);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM places WHERE seg_lower(span) < seg_upper(span)"))
                    .isPositive();
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT handle) FROM places")).isEqualTo(200);
        }
    }

    @Test
    void aTypeWhoseInputFunctionAcceptsNoTriedFormNeedsAnOverride() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE EXTENSION isn;
                CREATE TABLE books (id serial PRIMARY KEY, isbn isbn13 NOT NULL);
                """)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().table("books", 5).build()))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("Cannot generate column \"isbn\" of table public.books: its type isbn13")
                    .hasMessageContaining("its input function accepted none of the forms tried (key => value pairs, dotted label paths");
            gen.generate(GenerationPlan.builder().table("books", 5, t -> t.column("isbn",
                    ColumnOverride.constant("978-0-306-40615-7"))).build());
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM books")).isEqualTo(5);
        }
    }
}

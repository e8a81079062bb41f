package dev.pgtestkit.mock;

import static dev.pgtestkit.mock.TestDatabases.count;
import static dev.pgtestkit.mock.TestDatabases.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NOT NULL columns of user-defined composite types are filled with no override: each attribute is generated from
 * its own type (text by name, enum, numeric, domain with its check, a nested composite, an array) and the value is
 * written as a row literal. The server only proves the literal parses; the tests check what the generator chose.
 */
class CompositeTypesIT {

    private static final int ROWS = 50;
    private static DisposableDatabase db;
    private static GenerationResult result;

    @BeforeAll
    static void generate() {
        db = TestDatabases.withSchema(
                "CREATE TYPE kind AS ENUM ('home', 'work', 'other')",
                "CREATE DOMAIN rating AS int CHECK (VALUE BETWEEN 1 AND 5)",
                "CREATE TYPE geo AS (lat numeric(8,5), lon numeric(8,5))",
                "CREATE TYPE address AS (street text, city text, zip varchar(10), kind kind, weight numeric(6,2),"
                        + " rating rating, position geo, tags text[])",
                "CREATE TYPE odd AS ENUM ('a,b', 'say \"hi\"', 'back\\slash (x)', 'with '' quote')",
                "CREATE TYPE tricky AS (label odd, note text)",
                "CREATE TABLE customers (id int PRIMARY KEY, home address NOT NULL, other address[],"
                        + " weird tricky NOT NULL)");
        result = MockDataGenerator.builder(db.dataSource()).seed(3).build()
                .generate(GenerationPlan.builder().allTables(ROWS).build());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void everyAttributeIsGenerated() {
        assertThat(count(db, "SELECT count(*) FROM customers")).isEqualTo(ROWS);
        assertThat(count(db, "SELECT count(*) FROM customers WHERE (home).street IS NULL OR (home).city IS NULL"
                + " OR (home).zip IS NULL OR (home).kind IS NULL OR (home).weight IS NULL OR (home).rating IS NULL"
                + " OR ((home).position).lat IS NULL OR (home).tags IS NULL")).isZero();
        assertThat(count(db, "SELECT count(DISTINCT (home).kind) FROM customers")).isEqualTo(3);
    }

    @Test
    void attributesFollowTheirNames() {
        // a city is words, a zip digits (maybe with a dash): not the random text an unnamed column would get
        assertThat(count(db, "SELECT count(*) FROM customers WHERE (home).city !~ '^[A-Z][A-Za-z .''-]+$'"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM customers WHERE (home).zip !~ '^[0-9]{5}(-[0-9]{4})?$'"))
                .isZero();
    }

    @Test
    void theDomainCheckIsMetByConstruction() {
        assertThat(TestDatabases.serverChecked(result)).isEmpty();
        assertThat(result.table("customers").orElseThrow().regeneratedRows()).isZero();
        assertThat(count(db, "SELECT count(DISTINCT (home).rating) FROM customers")).isEqualTo(5);
    }

    @Test
    void commasQuotesBackslashesAndParenthesesRoundTrip() {
        assertThat(text(db, "SELECT string_agg(DISTINCT ((weird).label)::text, '|' ORDER BY ((weird).label)::text)"
                + " FROM customers")).isEqualTo("a,b|back\\slash (x)|say \"hi\"|with ' quote");
        assertThat(count(db, "SELECT count(*) FROM customers WHERE cardinality(other) > 0 AND (other[1]).city IS NULL"))
                .isZero();
    }
}

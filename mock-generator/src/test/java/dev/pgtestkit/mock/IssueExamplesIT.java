package dev.pgtestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.DisposableDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The minimal forms of the schemas {@code allTables} could not fill, each filled with no override. */
class IssueExamplesIT {

    private static final String SHOPS = """
            CREATE TABLE shops (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);
            CREATE TABLE orders (id bigserial PRIMARY KEY,
                account_id bigint NOT NULL REFERENCES accounts (id),
                shop_id integer NOT NULL REFERENCES shops (id), total numeric(10, 2) NOT NULL);
            """;

    @Test
    void requiredParentsOfPerParentChildrenGetRows() {
        try (DisposableDatabase db = TestDatabases.withSchema(SHOPS)) {
            GenerationResult r = MockDataGenerator.builder(db.dataSource()).seed(1).build()
                    .generateRelated("public", "accounts", Map.of("orders", ChildCount.of(3)));
            assertThat(r.rows("orders")).hasSize(3);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM shops")).isEqualTo(10);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT account_id) FROM orders")).isEqualTo(1);
        }
    }

    @Test
    void excludingARequiredParentIsAnErrorNamingTheChildren() {
        try (DisposableDatabase db = TestDatabases.withSchema(SHOPS)) {
            MockDataGenerator gen = MockDataGenerator.builder(db.dataSource()).build();
            assertThatThrownBy(() -> gen.generate(GenerationPlan.builder().allTables(5).exclude("shops").build()))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("public.shops is excluded")
                    .hasMessageContaining("public.orders (orders_shop_id_fkey [shop_id])");
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM accounts")).isZero();
        }
    }

    @Test
    void partialUniqueIndexesAreHonouredByTheirPredicate() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE TABLE roles (id serial PRIMARY KEY, admin boolean NOT NULL, deleted_at timestamptz);
                CREATE UNIQUE INDEX one_admin ON roles (admin) WHERE admin AND deleted_at IS NULL;
                CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
                CREATE TABLE user_emails (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id),
                    email text NOT NULL, is_primary boolean NOT NULL);
                CREATE UNIQUE INDEX one_primary_email ON user_emails (user_id) WHERE is_primary;
                """)) {
            MockDataGenerator.builder(db.dataSource()).seed(2).build().generate(GenerationPlan.builder()
                    .table("roles", 10).table("users", 50).table("user_emails", 40).build());
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM roles")).isEqualTo(10);
            // 40 e-mails over 50 users fit the key as a full one: primary and other e-mails both occur
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM user_emails WHERE is_primary")).isPositive();
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM user_emails WHERE NOT is_primary")).isPositive();
        }
    }

    @Test
    void exactlyOneOfOverForeignKeysUsesEveryArm() {
        try (DisposableDatabase db = RealWorldSchemasIT.load("community_arcs")) {
            RealWorldSchemasIT.fill(db, 4);
            for (String arm : new String[] {"post_id", "photo_id"}) {
                assertThat(TestDatabases.count(db, "SELECT count(" + arm + ") FROM comments")).as(arm)
                        .isGreaterThan(40);
            }
            for (String arm : new String[] {"post_id", "comment_id", "photo_id"}) {
                assertThat(TestDatabases.count(db, "SELECT count(" + arm + ") FROM reactions")).as(arm)
                        .isGreaterThan(20);
            }
            assertThat(TestDatabases.count(db, "SELECT count(post_id) FROM reports")).isGreaterThan(40);
            assertThat(TestDatabases.count(db, "SELECT count(comment_id) FROM reports")).isGreaterThan(40);
        }
    }

    @Test
    void aNullOnlyColumnInAUniqueKeyNeverCollides() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE TABLE slots (id serial PRIMARY KEY, kind smallint NOT NULL CHECK (kind BETWEEN 1 AND 2),
                    retired_id integer CHECK (retired_id IS NULL), UNIQUE (kind, retired_id));
                """)) {
            MockDataGenerator.builder(db.dataSource()).build()
                    .generate(GenerationPlan.builder().table("slots", 50).build());
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT kind) FROM slots")).isEqualTo(2);
        }
    }

    @Test
    void regexChecksAreMetByValuesGeneratedFromThePattern() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE TABLE features (id serial PRIMARY KEY,
                    code varchar(100) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_]{1,100}$'),
                    sku text NOT NULL CHECK (sku ~ '^[A-Z]{3}-[[:digit:]]{4}$'));
                """)) {
            MockDataGenerator.builder(db.dataSource()).build()
                    .generate(GenerationPlan.builder().table("features", 300).build());
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT code) FROM features")).isEqualTo(300);
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT sku) FROM features")).isGreaterThan(250);
        }
    }

    @Test
    void everyBuiltInTypeGetsVariedValues() {
        try (DisposableDatabase db = RealWorldSchemasIT.load("catalog_types")) {
            RealWorldSchemasIT.fill(db, 8);
            for (String column : new String[] {"bbox", "centre", "area"}) {
                assertThat(TestDatabases.count(db, "SELECT count(DISTINCT " + column + "::text) FROM cities"))
                        .as(column).isGreaterThan(150);
            }
            for (String column : new String[] {"location", "reach", "entrance", "road", "route", "entry_fee",
                "features", "capacity", "open_hours", "seasons"}) {
                assertThat(TestDatabases.count(db, "SELECT count(DISTINCT " + column + "::text) FROM venues"))
                        .as(column).isGreaterThan(20);
            }
            for (String column : new String[] {"catalogue_xml", "query", "doc", "replication_lsn", "owner_oid",
                "tx", "ticket_prices", "added_at"}) {
                assertThat(TestDatabases.count(db, "SELECT count(DISTINCT " + column + "::text) FROM exhibits"))
                        .as(column).isGreaterThan(20);
            }
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM exhibits WHERE registered IS NOT NULL"))
                    .isPositive();
        }
    }

    @Test
    void integerTimesVaryAndAOneToOneKeyIsNotTheIdentity() {
        try (DisposableDatabase db = TestDatabases.withSchema("""
                CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);
                CREATE TABLE profiles (id serial PRIMARY KEY, user_id int NOT NULL UNIQUE REFERENCES users,
                    login_time integer NOT NULL, last_seen_time bigint NOT NULL);
                """)) {
            MockDataGenerator.builder(db.dataSource()).seed(9).build()
                    .generate(GenerationPlan.builder().table("users", 300).table("profiles", 300).build());
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT login_time) FROM profiles")).isGreaterThan(250);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM profiles WHERE login_time = 2147483647")).isZero();
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT last_seen_time) FROM profiles")).isGreaterThan(250);
            // every user has one profile, but not the profile with the same number
            assertThat(TestDatabases.count(db, "SELECT count(DISTINCT user_id) FROM profiles")).isEqualTo(300);
            assertThat(TestDatabases.count(db, "SELECT count(*) FROM profiles WHERE user_id = id")).isLessThan(30);
        }
    }
}

package dev.pgtestkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.testsupport.SeedSchemas;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry's model of the hard-case schema ({@code db/seeds/hardcases}), asserted field by field: every
 * column of every table (ordinal, type as printed, category, nullability, default, identity, generated
 * expression, length, precision, scale, owned sequence) and every key, foreign key, check and index.
 * {@link ModelText} prints a field only when it is set, so a missing line or word is a field that is null/false.
 */
class HardCaseModelIT {

    private static DisposableDatabase database;
    private static SchemaRegistry registry;

    @BeforeAll
    static void load() {
        PostgresServer server = PostgresProvider.auto().shared();
        database = DatabaseTemplate.builder(server).flywayLocations(SeedSchemas.HARDCASES).build().checkout();
        registry = SchemaRegistry.load(database.dataSource());
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void readsBothSchemasAndEveryTable() {
        assertThat(registry.schemas()).containsExactly("audit", "public");
        assertThat(registry.tables()).extracting(t -> t.name().toString()).containsExactly(
                "audit.events", "public.LegacyItems", "public.accounts", "public.categories", "public.contacts",
                "public.customers", "public.departments", "public.employees", "public.events", "public.events_2025",
                "public.events_2026", "public.events_default", "public.flyway_schema_history", "public.order_lines",
                "public.orders", "public.products", "public.stock_levels", "public.type_samples",
                "public.warehouses");
        assertThat(registry.catalogQueryCount()).isEqualTo(8);
    }

    @Test
    void auditEventsIsTheSecondTableNamedEventsWithACrossSchemaForeignKey() {
        assertThat(describe("audit.events")).containsExactly(lines("""
                TABLE audit.events ORDINARY
                  1 id bigint [BASE] NOT NULL DEFAULT nextval('audit.events_id_seq'::regclass) seq=audit.events_id_seq
                  2 table_name text [BASE] NOT NULL
                  3 action character(1) [BASE] NOT NULL length=1
                  4 customer_id bigint [BASE]
                  5 changed_at timestamp(3) without time zone [BASE] NOT NULL DEFAULT now() precision=3
                  6 old_row jsonb [BASE]
                  7 new_row jsonb [BASE]
                  PRIMARY_KEY events_pkey [id]
                  FK events_customer_id_fkey audit.events[customer_id] -> public.customers[id] ON DELETE NO_ACTION ON UPDATE NO_ACTION
                  CHECK events_action_check [action] CHECK ((action = ANY (ARRAY['I'::bpchar, 'U'::bpchar, 'D'::bpchar])))
                  INDEX events_pkey btree [id] UNIQUE PRIMARY
                """));
    }

    @Test
    void legacyItemsKeepsQuotedMixedCaseNames() {
        assertThat(describe("public.LegacyItems")).containsExactly(lines("""
                TABLE public.LegacyItems ORDINARY
                  1 ItemID integer [BASE] NOT NULL
                  2 displayName character varying(50) [BASE] NOT NULL length=50
                  3 Unit Price numeric(8,3) [BASE] precision=8 scale=3
                  4 group character varying(20) [BASE] length=20
                  PRIMARY_KEY LegacyItems_pkey [ItemID]
                  INDEX LegacyItems_pkey btree [ItemID] UNIQUE PRIMARY
                """));
    }

    @Test
    void accountsAndContactsFormACycleThroughADeferrableKey() {
        assertThat(describe("public.accounts")).containsExactly(lines("""
                TABLE public.accounts ORDINARY
                  1 id integer [BASE] NOT NULL IDENTITY BY_DEFAULT seq=public.accounts_id_seq
                  2 name character varying(100) [BASE] NOT NULL length=100
                  3 primary_contact_id integer [BASE] NOT NULL
                  PRIMARY_KEY accounts_pkey [id]
                  FK accounts_primary_contact_fk public.accounts[primary_contact_id] -> public.contacts[id] ON DELETE NO_ACTION ON UPDATE NO_ACTION DEFERRABLE INITIALLY DEFERRED
                  INDEX accounts_pkey btree [id] UNIQUE PRIMARY
                """));
        assertThat(describe("public.contacts")).containsExactly(lines("""
                TABLE public.contacts ORDINARY
                  1 id integer [BASE] NOT NULL IDENTITY BY_DEFAULT seq=public.contacts_id_seq
                  2 account_id integer [BASE] NOT NULL
                  3 email email_address [DOMAIN] NOT NULL length=254
                  4 phone character varying(20) [BASE] length=20
                  PRIMARY_KEY contacts_pkey [id]
                  FK contacts_account_fk public.contacts[account_id] -> public.accounts[id] ON DELETE CASCADE ON UPDATE NO_ACTION
                  INDEX contacts_pkey btree [id] UNIQUE PRIMARY
                """));
    }

    @Test
    void categoriesHaveIdentityAlwaysASelfReferenceAndCharLengthChecks() {
        assertThat(describe("public.categories")).containsExactly(lines("""
                TABLE public.categories ORDINARY
                  1 id integer [BASE] NOT NULL IDENTITY ALWAYS seq=public.categories_id_seq
                  2 parent_id integer [BASE]
                  3 name character varying(80) [BASE] NOT NULL length=80
                  4 slug character varying(80) [BASE] NOT NULL length=80
                  PRIMARY_KEY categories_pkey [id]
                  UNIQUE_CONSTRAINT categories_slug_key [slug]
                  FK categories_parent_id_fkey public.categories[parent_id] -> public.categories[id] ON DELETE CASCADE ON UPDATE NO_ACTION
                  CHECK categories_name_length [name] CHECK (((char_length((name)::text) >= 1) AND (char_length((name)::text) <= 80)))
                  CHECK categories_not_own_parent [id, parent_id] CHECK ((parent_id <> id))
                  INDEX categories_pkey btree [id] UNIQUE PRIMARY
                  INDEX categories_slug_key btree [slug] UNIQUE
                """));
    }

    @Test
    void customersHaveDomainsEnumArraysJsonbCompositesAndEveryKindOfUniqueKey() {
        assertThat(describe("public.customers")).containsExactly(lines("""
                TABLE public.customers ORDINARY
                  1 id bigint [BASE] NOT NULL DEFAULT nextval('customers_id_seq'::regclass) seq=public.customers_id_seq
                  2 customer_no integer [BASE] NOT NULL DEFAULT nextval('customer_no_seq'::regclass)
                  3 email email_address [DOMAIN] NOT NULL length=254
                  4 full_name character varying(120) [BASE] NOT NULL length=120
                  5 status character varying(10) [BASE] NOT NULL DEFAULT 'active'::character varying length=10
                  6 moods mood[] [ARRAY] NOT NULL DEFAULT '{}'::mood[]
                  7 preferences jsonb [BASE] NOT NULL DEFAULT '{}'::jsonb
                  8 home_address address [COMPOSITE]
                  9 external_ref character varying(40) [BASE] length=40
                  10 birth_date date [BASE]
                  11 created_at timestamp with time zone [BASE] NOT NULL DEFAULT now()
                  12 deleted_at timestamp with time zone [BASE]
                  PRIMARY_KEY customers_pkey [id]
                  UNIQUE_CONSTRAINT customers_customer_no_key [customer_no]
                  UNIQUE_CONSTRAINT customers_external_ref_key [external_ref]%s
                  UNIQUE_INDEX customers_live_email_key [email] WHERE (deleted_at IS NULL)
                  CHECK customers_deleted_after_created [created_at, deleted_at] CHECK (((deleted_at IS NULL) OR (deleted_at >= created_at)))
                  CHECK customers_status_check [status] CHECK (((status)::text = ANY ((ARRAY['active'::character varying, 'suspended'::character varying, 'closed'::character varying])::text[])))
                  INDEX customers_customer_no_key btree [customer_no] UNIQUE
                  INDEX customers_external_ref_key btree [external_ref] UNIQUE
                  INDEX customers_live_email_key btree [email] UNIQUE WHERE (deleted_at IS NULL)
                  INDEX customers_lower_name_idx btree [lower(full_name::text)]
                  INDEX customers_pkey btree [id] UNIQUE PRIMARY
                  INDEX customers_preferences_idx gin [preferences]
                """.formatted(nullsNotDistinct())));
    }

    @Test
    void departmentsAndEmployeesFormACycleThroughANullableKey() {
        assertThat(describe("public.departments")).containsExactly(lines("""
                TABLE public.departments ORDINARY
                  1 id integer [BASE] NOT NULL DEFAULT nextval('departments_id_seq'::regclass) seq=public.departments_id_seq
                  2 name character varying(60) [BASE] NOT NULL length=60
                  3 manager_id integer [BASE]
                  PRIMARY_KEY departments_pkey [id]
                  UNIQUE_CONSTRAINT departments_name_key [name]
                  FK departments_manager_fk public.departments[manager_id] -> public.employees[id] ON DELETE SET_NULL ON UPDATE NO_ACTION
                  INDEX departments_name_key btree [name] UNIQUE
                  INDEX departments_pkey btree [id] UNIQUE PRIMARY
                """));
        assertThat(describe("public.employees")).containsExactly(lines("""
                TABLE public.employees ORDINARY
                  1 id integer [BASE] NOT NULL DEFAULT nextval('employees_id_seq'::regclass) seq=public.employees_id_seq
                  2 department_id integer [BASE] NOT NULL
                  3 manager_id integer [BASE]
                  4 badge uuid [BASE] NOT NULL DEFAULT gen_random_uuid()
                  5 full_name character varying(120) [BASE] NOT NULL length=120
                  6 salary numeric(10,2) [BASE] NOT NULL precision=10 scale=2
                  7 hired_on date [BASE] NOT NULL
                  8 left_on date [BASE]
                  PRIMARY_KEY employees_pkey [id]
                  UNIQUE_CONSTRAINT employees_badge_key [badge]
                  FK employees_department_fk public.employees[department_id] -> public.departments[id] ON DELETE NO_ACTION ON UPDATE NO_ACTION
                  FK employees_manager_fk public.employees[manager_id] -> public.employees[id] ON DELETE SET_NULL ON UPDATE NO_ACTION
                  CHECK employees_left_after_hired [hired_on, left_on] CHECK (((left_on IS NULL) OR (left_on >= hired_on)))
                  CHECK employees_salary_check [salary] CHECK ((salary > (0)::numeric))
                  INDEX employees_badge_key btree [badge] UNIQUE
                  INDEX employees_pkey btree [id] UNIQUE PRIMARY
                """));
    }

    @Test
    void ordersAndOrderLinesHaveCompositeKeysADeferrableKeyAndGeneratedColumns() {
        assertThat(describe("public.orders")).containsExactly(lines("""
                TABLE public.orders ORDINARY
                  1 id bigint [BASE] NOT NULL IDENTITY BY_DEFAULT seq=public.orders_id_seq
                  2 customer_id bigint [BASE] NOT NULL
                  3 status order_status [ENUM] NOT NULL DEFAULT 'pending'::order_status
                  4 placed_at timestamp with time zone [BASE] NOT NULL DEFAULT now()
                  5 shipped_at timestamp with time zone [BASE]
                  6 total numeric(10,2) [BASE] NOT NULL DEFAULT 0 precision=10 scale=2
                  7 discount_pct smallint [BASE] NOT NULL DEFAULT 0
                  8 note character varying(500) [BASE] length=500
                  PRIMARY_KEY orders_pkey [id]
                  FK orders_customer_fk public.orders[customer_id] -> public.customers[id] ON DELETE CASCADE ON UPDATE NO_ACTION
                  CHECK orders_discount_pct_check [discount_pct] CHECK (((discount_pct >= 0) AND (discount_pct <= 100)))
                  CHECK orders_shipped_after_placed [placed_at, shipped_at] CHECK (((shipped_at IS NULL) OR (shipped_at >= placed_at)))
                  CHECK orders_total_check [total] CHECK ((total >= (0)::numeric))
                  INDEX orders_customer_id_idx btree [customer_id]
                  INDEX orders_pkey btree [id] UNIQUE PRIMARY
                """));
        assertThat(describe("public.order_lines")).containsExactly(lines("""
                TABLE public.order_lines ORDINARY
                  1 order_id bigint [BASE] NOT NULL
                  2 line_no smallint [BASE] NOT NULL
                  3 sku character varying(12) [BASE] NOT NULL length=12
                  4 quantity integer [BASE] NOT NULL
                  5 unit_price numeric(10,2) [BASE] NOT NULL precision=10 scale=2
                  6 line_total numeric(12,2) [BASE] GENERATED ((quantity)::numeric * unit_price) precision=12 scale=2
                  PRIMARY_KEY order_lines_pkey [order_id, line_no]
                  UNIQUE_CONSTRAINT order_lines_order_sku_key [order_id, sku]
                  FK order_lines_order_fk public.order_lines[order_id] -> public.orders[id] ON DELETE CASCADE ON UPDATE NO_ACTION DEFERRABLE INITIALLY DEFERRED
                  FK order_lines_sku_fk public.order_lines[sku] -> public.products[sku] ON DELETE NO_ACTION ON UPDATE CASCADE
                  CHECK order_lines_line_no_check [line_no] CHECK ((line_no > 0))
                  CHECK order_lines_quantity_check [quantity] CHECK (((quantity >= 1) AND (quantity <= 1000)))
                  INDEX order_lines_order_sku_key btree [order_id, sku] UNIQUE
                  INDEX order_lines_pkey btree [order_id, line_no] UNIQUE PRIMARY
                """));
    }

    @Test
    void productsHaveNumericPrecisionRangeChecksAndAGeneratedColumn() {
        assertThat(describe("public.products")).containsExactly(lines("""
                TABLE public.products ORDINARY
                  1 sku character varying(12) [BASE] NOT NULL length=12
                  2 category_id integer [BASE] NOT NULL
                  3 name character varying(200) [BASE] NOT NULL length=200
                  4 price numeric(10,2) [BASE] NOT NULL precision=10 scale=2
                  5 sale_price numeric(10,2) [BASE] precision=10 scale=2
                  6 stock positive_int [DOMAIN]
                  7 rating numeric(3,1) [BASE] precision=3 scale=1
                  8 tags text[] [ARRAY]
                  9 price_with_tax numeric(12,2) [BASE] GENERATED round((price * 1.2), 2) precision=12 scale=2
                  PRIMARY_KEY products_pkey [sku]
                  FK products_category_id_fkey public.products[category_id] -> public.categories[id] ON DELETE NO_ACTION ON UPDATE NO_ACTION
                  CHECK products_price_check [price] CHECK ((price >= (0)::numeric))
                  CHECK products_rating_check [rating] CHECK (((rating >= (0)::numeric) AND (rating <= (5)::numeric)))
                  CHECK products_sale_below_price [price, sale_price] CHECK (((sale_price IS NULL) OR (sale_price < price)))
                  CHECK products_sku_length [sku] CHECK ((char_length((sku)::text) >= 4))
                  INDEX products_category_id_idx btree [category_id]
                  INDEX products_pkey btree [sku] UNIQUE PRIMARY
                """));
    }

    @Test
    void warehousesAndStockLevelsHaveCompositePrimaryAndForeignKeys() {
        assertThat(describe("public.warehouses")).containsExactly(lines("""
                TABLE public.warehouses ORDINARY
                  1 region character(2) [BASE] NOT NULL length=2
                  2 code smallint [BASE] NOT NULL
                  3 name text [BASE] NOT NULL
                  PRIMARY_KEY warehouses_pkey [region, code]
                  CHECK warehouses_code_check [code] CHECK (((code >= 1) AND (code <= 999)))
                  INDEX warehouses_pkey btree [region, code] UNIQUE PRIMARY
                """));
        assertThat(describe("public.stock_levels")).containsExactly(lines("""
                TABLE public.stock_levels ORDINARY
                  1 region character(2) [BASE] NOT NULL length=2
                  2 warehouse_code smallint [BASE] NOT NULL
                  3 sku character varying(12) [BASE] NOT NULL length=12
                  4 quantity integer [BASE] NOT NULL DEFAULT 0
                  5 reserved integer [BASE] NOT NULL DEFAULT 0
                  PRIMARY_KEY stock_levels_pkey [region, warehouse_code, sku]
                  FK stock_levels_sku_fk public.stock_levels[sku] -> public.products[sku] ON DELETE RESTRICT ON UPDATE NO_ACTION
                  FK stock_levels_warehouse_fk public.stock_levels[region, warehouse_code] -> public.warehouses[region, code] ON DELETE CASCADE ON UPDATE CASCADE
                  CHECK stock_levels_quantity_check [quantity] CHECK ((quantity >= 0))
                  CHECK stock_levels_reserved_check [quantity, reserved] CHECK ((reserved <= quantity))
                  INDEX stock_levels_pkey btree [region, warehouse_code, sku] UNIQUE PRIMARY
                """));
    }

    @Test
    void typeSamplesDecodeEveryCommonType() {
        assertThat(describe("public.type_samples")).containsExactly(lines("""
                TABLE public.type_samples ORDINARY
                  1 id smallint [BASE] NOT NULL IDENTITY ALWAYS seq=public.type_samples_id_seq
                  2 c_smallint smallint [BASE]
                  3 c_integer integer [BASE]
                  4 c_bigint bigint [BASE]
                  5 c_real real [BASE]
                  6 c_double double precision [BASE]
                  7 c_numeric numeric [BASE]
                  8 c_numeric_5 numeric(5,0) [BASE] precision=5 scale=0
                  9 c_text text [BASE]
                  10 c_char character(3) [BASE] length=3
                  11 c_varchar character varying [BASE]
                  12 c_bit bit(8) [BASE] length=8
                  13 c_varbit bit varying(16) [BASE] length=16
                  14 c_boolean boolean [BASE]
                  15 c_date date [BASE]
                  16 c_time time(3) without time zone [BASE] precision=3
                  17 c_timetz time with time zone [BASE]
                  18 c_timestamp timestamp(0) without time zone [BASE] precision=0
                  19 c_timestamptz timestamp with time zone [BASE]
                  20 c_interval interval [BASE]
                  21 c_uuid uuid [BASE]
                  22 c_json json [BASE]
                  23 c_jsonb jsonb [BASE]
                  24 c_bytea bytea [BASE]
                  25 c_inet inet [BASE]
                  26 c_cidr cidr [BASE]
                  27 c_macaddr macaddr [BASE]
                  28 c_int4range int4range [RANGE]
                  29 c_tstzrange tstzrange [RANGE]
                  30 c_int_matrix integer[] [ARRAY]
                  31 c_text_array text[] [ARRAY]
                  32 c_mood mood [ENUM]
                  33 c_address address [COMPOSITE]
                  PRIMARY_KEY type_samples_pkey [id]
                  INDEX type_samples_pkey btree [id] UNIQUE PRIMARY
                """));
    }

    @Test
    void aPartitionedTableAndItsPartitionsKnowEachOther() {
        assertThat(describe("public.events")).containsExactly(lines("""
                TABLE public.events PARTITIONED
                  1 id bigint [BASE] NOT NULL IDENTITY ALWAYS seq=public.events_id_seq
                  2 occurred_at timestamp with time zone [BASE] NOT NULL
                  3 customer_id bigint [BASE]
                  4 kind character varying(30) [BASE] NOT NULL length=30
                  5 payload jsonb [BASE]
                  PRIMARY_KEY events_pkey [id, occurred_at]
                  FK events_customer_id_fkey public.events[customer_id] -> public.customers[id] ON DELETE SET_NULL ON UPDATE NO_ACTION
                  CHECK events_kind_check [kind] CHECK (((kind)::text = ANY ((ARRAY['login'::character varying, 'logout'::character varying, 'purchase'::character varying])::text[])))
                  INDEX events_pkey btree [id, occurred_at] UNIQUE PRIMARY
                """));
        for (String partition : List.of("events_2025", "events_2026", "events_default")) {
            assertThat(describe("public." + partition)).containsExactly(lines("""
                    TABLE public.%1$s PARTITION OF public.events
                      1 id bigint [BASE] NOT NULL%2$s
                      2 occurred_at timestamp with time zone [BASE] NOT NULL
                      3 customer_id bigint [BASE]
                      4 kind character varying(30) [BASE] NOT NULL length=30
                      5 payload jsonb [BASE]
                      PRIMARY_KEY %1$s_pkey [id, occurred_at]
                      FK events_customer_id_fkey public.%1$s[customer_id] -> public.customers[id] ON DELETE SET_NULL ON UPDATE NO_ACTION
                      CHECK events_kind_check [kind] CHECK (((kind)::text = ANY ((ARRAY['login'::character varying, 'logout'::character varying, 'purchase'::character varying])::text[])))
                      INDEX %1$s_pkey btree [id, occurred_at] UNIQUE PRIMARY
                    """.formatted(partition, partitionIdentity())));
        }
    }

    @Test
    void enumsKeepTheirLabelsInSortOrder() {
        PgType status = registry.column("orders", "status").type();
        assertThat(status).isEqualTo(new PgType("public", "order_status", "order_status", TypeCategory.ENUM,
                List.of("pending", "paid", "shipped", "cancelled"), null, null, List.of(), false));
    }

    @Test
    void enumArraysKnowTheirElementType() {
        PgType moods = registry.column("customers", "moods").type();
        PgType mood = new PgType("public", "mood", "mood", TypeCategory.ENUM, List.of("sad", "ok", "happy"), null,
                null, List.of(), false);
        assertThat(moods).isEqualTo(new PgType("public", "_mood", "mood[]", TypeCategory.ARRAY, List.of(), null, mood,
                List.of(), false));
        assertThat(moods.isArray()).isTrue();
        assertThat(registry.column("type_samples", "c_int_matrix").type().elementType().displayName())
                .isEqualTo("integer");
    }

    @Test
    void domainsKnowTheirBaseTypeChecksAndNotNull() {
        PgType stock = registry.column("products", "stock").type();
        PgType int4 = new PgType("pg_catalog", "int4", "integer", TypeCategory.BASE, List.of(), null, null, List.of(),
                false);
        assertThat(stock).isEqualTo(new PgType("public", "positive_int", "positive_int", TypeCategory.DOMAIN,
                List.of(), int4, null,
                List.of(new CheckConstraint("positive_int_check", "CHECK ((VALUE > 0))", "(VALUE > 0)", List.of())),
                true));
        assertThat(stock.rootType()).isEqualTo(int4);

        PgType email = registry.column("customers", "email").type();
        assertThat(email.domainNotNull()).isFalse();
        assertThat(email.baseType().displayName()).isEqualTo("character varying(254)");
        assertThat(email.rootType().name()).isEqualTo("varchar");
        assertThat(email.checks()).containsExactly(new CheckConstraint("email_address_check",
                "CHECK (((VALUE)::text ~~ '%_@_%'::text))", "((VALUE)::text ~~ '%_@_%'::text)", List.of()));
    }

    @Test
    void compositeAndRangeTypesAreCategorised() {
        assertThat(registry.column("customers", "home_address").type())
                .isEqualTo(new PgType("public", "address", "address", TypeCategory.COMPOSITE, List.of(), null, null,
                        List.of(), false));
        assertThat(registry.column("type_samples", "c_tstzrange").type())
                .isEqualTo(new PgType("pg_catalog", "tstzrange", "tstzrange", TypeCategory.RANGE, List.of(), null,
                        null, List.of(), false));
    }

    @Test
    void columnsOfTheSameTypeAndModifierShareOneTypeObject() {
        assertThat(registry.column("products", "price").type())
                .isSameAs(registry.column("order_lines", "unit_price").type());
    }

    @Test
    void checksKeepTheirInnerExpression() {
        for (Table table : registry.tables()) {
            for (CheckConstraint check : table.checks()) {
                assertThat(check.definition()).isEqualTo("CHECK (" + check.expression() + ")");
            }
        }
        assertThat(registry.table("products").checks()).extracting(CheckConstraint::expression)
                .contains("((sale_price IS NULL) OR (sale_price < price))");
    }

    @Test
    void indexesKeepTheirFullDefinition() {
        assertThat(registry.table("customers").indexes()).extracting(Index::definition).contains(
                "CREATE UNIQUE INDEX customers_live_email_key ON public.customers USING btree (email)"
                        + " WHERE (deleted_at IS NULL)",
                "CREATE INDEX customers_lower_name_idx ON public.customers USING btree (lower((full_name)::text))",
                "CREATE UNIQUE INDEX customers_external_ref_key ON public.customers USING btree (external_ref)"
                        + nullsNotDistinct());
    }

    @Test
    void sequencesKnowTheColumnThatOwnsThem() {
        assertThat(registry.sequences()).containsExactly(
                sequence("audit.events_id_seq", "bigint", 1, Long.MAX_VALUE, "audit.events", "id"),
                sequence("public.accounts_id_seq", "integer", 1, Integer.MAX_VALUE, "public.accounts", "id"),
                sequence("public.categories_id_seq", "integer", 1, Integer.MAX_VALUE, "public.categories", "id"),
                sequence("public.contacts_id_seq", "integer", 1, Integer.MAX_VALUE, "public.contacts", "id"),
                new Sequence(QualifiedName.of("public", "customer_no_seq"), "integer", 1000, 10, 1,
                        Integer.MAX_VALUE, null, null),
                sequence("public.customers_id_seq", "bigint", 1, Long.MAX_VALUE, "public.customers", "id"),
                sequence("public.departments_id_seq", "integer", 1, Integer.MAX_VALUE, "public.departments", "id"),
                sequence("public.employees_id_seq", "integer", 1, Integer.MAX_VALUE, "public.employees", "id"),
                sequence("public.events_id_seq", "bigint", 1, Long.MAX_VALUE, "public.events", "id"),
                sequence("public.orders_id_seq", "bigint", 1, Long.MAX_VALUE, "public.orders", "id"),
                sequence("public.type_samples_id_seq", "smallint", 1, Short.MAX_VALUE, "public.type_samples", "id"));
    }

    @Test
    void insertionOrderPutsParentsFirstAndExplainsTheThreeCycles() {
        InsertionOrder order = registry.insertionOrder();

        assertThat(order.tables()).extracting(QualifiedName::toString).containsExactly(
                "public.LegacyItems", "public.accounts", "public.contacts", "public.categories", "public.customers",
                "audit.events", "public.departments", "public.employees", "public.events", "public.events_2025",
                "public.events_2026", "public.events_default", "public.flyway_schema_history", "public.orders",
                "public.products", "public.order_lines", "public.type_samples", "public.warehouses",
                "public.stock_levels");
        assertThat(order.cycles()).extracting(c -> c.tables().toString() + " breakable by "
                + c.breakableEdges().stream().map(ForeignKey::name).toList()).containsExactly(
                "[public.accounts, public.contacts] breakable by [accounts_primary_contact_fk]",
                "[public.categories] breakable by [categories_parent_id_fkey]",
                "[public.departments, public.employees] breakable by [departments_manager_fk, employees_manager_fk]");
        assertThat(order.cycles()).allMatch(FkCycle::isBreakable);
        assertThat(order.requireInsertable()).isSameAs(order);
    }

    private static List<String> describe(String qualifiedName) {
        return ModelText.describe(registry.table(qualifiedName));
    }

    /** NULLS NOT DISTINCT exists from PostgreSQL 15 (the seed schema falls back to a plain UNIQUE on 14). */
    private static String nullsNotDistinct() {
        return database.server().versionNum() >= 150000 ? " NULLS NOT DISTINCT" : "";
    }

    /** Postgres 17 links a partition's column to the parent's identity; 15 leaves the partition's column plain. */
    private static String partitionIdentity() {
        return database.server().versionNum() >= 170000 ? " IDENTITY ALWAYS" : "";
    }

    private static Sequence sequence(String name, String type, long min, long max, String owner, String column) {
        String[] parts = name.split("\\.");
        String[] ownerParts = owner.split("\\.");
        return new Sequence(QualifiedName.of(parts[0], parts[1]), type, 1, 1, min, max,
                QualifiedName.of(ownerParts[0], ownerParts[1]), column);
    }

    private static String[] lines(String block) {
        return block.lines().toArray(String[]::new);
    }
}

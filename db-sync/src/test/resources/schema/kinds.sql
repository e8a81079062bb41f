-- One of every kind the built-in schema writer covers (besides the hard cases and the seed schemas).
CREATE SCHEMA "Sales Dept";
CREATE SCHEMA inventory;
COMMENT ON SCHEMA inventory IS 'Stock, warehouses and what moves between them';

-- Extensions: one in its own schema, one used by an exclusion constraint; their objects are theirs to create.
CREATE SCHEMA ext;
CREATE EXTENSION citext WITH SCHEMA ext;
CREATE EXTENSION btree_gist;

-- Types: an enum, a domain over a domain, a composite type using both, a range type with a subtype_diff.
CREATE TYPE inventory.unit AS ENUM ('piece', 'kg', 'litre', 'it''s');
CREATE DOMAIN inventory.quantity AS numeric(12,3) DEFAULT 0 NOT NULL CONSTRAINT quantity_not_negative CHECK (VALUE >= 0);
CREATE DOMAIN inventory.small_quantity AS inventory.quantity CONSTRAINT small CHECK (VALUE < 1000);
ALTER DOMAIN inventory.small_quantity ADD CONSTRAINT not_huge CHECK (VALUE < 100000) NOT VALID;
CREATE DOMAIN inventory.code AS text COLLATE "C" CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE TYPE inventory.measure AS (amount inventory.quantity, unit inventory.unit, label text COLLATE "C");
CREATE TYPE inventory.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
COMMENT ON TYPE inventory.unit IS 'Units we count in';
COMMENT ON DOMAIN inventory.quantity IS 'Never negative';

-- Functions: SQL used by a check and a default, plpgsql trigger functions, a procedure, an overload.
CREATE FUNCTION inventory.is_code(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 ~ '^[A-Z]{3}$' $$;
CREATE FUNCTION inventory.next_code(prefix text) RETURNS text LANGUAGE sql AS $$ SELECT prefix || '-' || 1 $$;
CREATE FUNCTION inventory.next_code(prefix text, n integer) RETURNS text LANGUAGE sql AS $$ SELECT prefix || '-' || n $$;
CREATE FUNCTION inventory.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE FUNCTION inventory.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'refused';
END
$$;
CREATE PROCEDURE inventory.restock(p_sku text, p_amount numeric) LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inventory.stock SET amount = amount + p_amount WHERE sku = p_sku;
END
$$;
COMMENT ON FUNCTION inventory.next_code(text, integer) IS 'The n-th code';
COMMENT ON PROCEDURE inventory.restock(text, numeric) IS 'Adds stock';

-- Sequences: one used as a default with a value, one owned by a column, one cycling.
CREATE SEQUENCE inventory.ticket_seq AS integer START WITH 100 INCREMENT BY 5 MAXVALUE 100000 CACHE 2;
SELECT setval('inventory.ticket_seq', 145);
CREATE SEQUENCE inventory.cycling_seq MINVALUE 1 MAXVALUE 9 CYCLE;
COMMENT ON SEQUENCE inventory.ticket_seq IS 'Ticket numbers';

-- Tables: identity with options, generated column, collation, domains, composite and range columns,
-- a function in a check, reloptions, an unlogged table.
CREATE TABLE inventory.warehouse (
    id       integer GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 10) PRIMARY KEY,
    code     inventory.code NOT NULL UNIQUE,
    name     text COLLATE "C" NOT NULL,
    capacity inventory.floatrange,
    CONSTRAINT warehouse_code_check CHECK (inventory.is_code(code))
) WITH (fillfactor = 80);
CREATE TABLE inventory.stock (
    sku          text PRIMARY KEY,
    warehouse_id integer NOT NULL,
    amount       inventory.quantity,
    reserved     inventory.small_quantity,
    measure      inventory.measure,
    ticket       integer NOT NULL DEFAULT nextval('inventory.ticket_seq'),
    weight_kg    numeric(10,3),
    weight_g     numeric GENERATED ALWAYS AS (weight_kg * 1000) STORED,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_reserved_not_more CHECK (reserved <= amount) NOT VALID
);
ALTER TABLE inventory.stock ADD CONSTRAINT stock_warehouse_fk FOREIGN KEY (warehouse_id)
    REFERENCES inventory.warehouse (id) DEFERRABLE INITIALLY DEFERRED;
CREATE TABLE inventory.movement (
    id      bigserial PRIMARY KEY,
    sku     text NOT NULL REFERENCES inventory.stock (sku) ON UPDATE CASCADE ON DELETE RESTRICT,
    moved   tstzrange NOT NULL,
    room    integer NOT NULL,
    note    varchar(200),
    CONSTRAINT movement_no_overlap EXCLUDE USING gist (moved WITH &&)
);
ALTER TABLE inventory.movement ADD CONSTRAINT movement_room_positive CHECK (room > 0) NOT VALID;
CREATE TABLE inventory.booking (
    room   integer NOT NULL,
    during tstzrange NOT NULL,
    guest  ext.citext NOT NULL,
    CONSTRAINT booking_no_double EXCLUDE USING gist (room WITH =, during WITH &&)
);
CREATE UNLOGGED TABLE inventory.scratch (k text, v jsonb);
COMMENT ON TABLE inventory.stock IS 'What is where';
COMMENT ON COLUMN inventory.stock.amount IS 'How much';
COMMENT ON CONSTRAINT stock_warehouse_fk ON inventory.stock IS 'Deferred: loads in any order';

-- Indexes: partial, expression, INCLUDE, descending, on a materialized view.
CREATE INDEX movement_open_idx ON inventory.movement (sku) WHERE upper_inf(moved);
CREATE INDEX stock_lower_sku_idx ON inventory.stock (lower(sku)) INCLUDE (amount);
CREATE UNIQUE INDEX stock_ticket_idx ON inventory.stock (ticket DESC NULLS LAST);
COMMENT ON INDEX inventory.stock_lower_sku_idx IS 'Case-insensitive lookups';

-- Partitions: list partitioning with a range-partitioned sub-partition, a default partition, an index and a
-- foreign key on the parent, a partition-specific default.
CREATE TABLE "Sales Dept"."Orders" (
    id        bigint GENERATED BY DEFAULT AS IDENTITY,
    region    text NOT NULL,
    placed_on date NOT NULL,
    sku       text REFERENCES inventory.stock (sku),
    status    text DEFAULT 'new',
    PRIMARY KEY (id, region, placed_on)
) PARTITION BY LIST (region);
CREATE TABLE "Sales Dept".orders_eu PARTITION OF "Sales Dept"."Orders" FOR VALUES IN ('eu', 'uk')
    PARTITION BY RANGE (placed_on);
CREATE TABLE "Sales Dept".orders_eu_2025 PARTITION OF "Sales Dept".orders_eu
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE "Sales Dept".orders_other PARTITION OF "Sales Dept"."Orders" DEFAULT;
ALTER TABLE "Sales Dept".orders_other ALTER COLUMN status SET DEFAULT 'queued';
CREATE INDEX orders_sku_idx ON "Sales Dept"."Orders" (sku);
CREATE TABLE "Sales Dept".hashed (id integer NOT NULL, payload text) PARTITION BY HASH (id);
CREATE TABLE "Sales Dept".hashed_0 PARTITION OF "Sales Dept".hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE "Sales Dept".hashed_1 PARTITION OF "Sales Dept".hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1);

-- Inheritance: a child with its own column, an inherited check, and its own default.
CREATE TABLE inventory.item (id integer NOT NULL, label text DEFAULT 'item', CONSTRAINT item_id_positive CHECK (id > 0));
CREATE TABLE inventory.tool (voltage integer) INHERITS (inventory.item);
ALTER TABLE inventory.tool ALTER COLUMN label SET DEFAULT 'tool';

-- Views: a view over a view whose name sorts first, a view with a check option, a view that needs a primary key
-- (GROUP BY the key), a materialized view over a materialized view, with an index.
CREATE VIEW inventory.z_stock_base AS SELECT sku, warehouse_id, amount FROM inventory.stock;
CREATE VIEW inventory.a_stock_summary AS SELECT warehouse_id, sum(amount) AS total FROM inventory.z_stock_base GROUP BY warehouse_id;
CREATE VIEW inventory.big_stock WITH (security_barrier = true) AS
    SELECT sku, warehouse_id, amount FROM inventory.stock WHERE amount > 100 WITH CASCADED CHECK OPTION;
CREATE VIEW inventory.warehouse_load AS
    SELECT w.id, w.name, count(s.sku) AS skus FROM inventory.warehouse w LEFT JOIN inventory.stock s ON s.warehouse_id = w.id
    GROUP BY w.id;
CREATE MATERIALIZED VIEW inventory.m_totals AS SELECT warehouse_id, sum(amount) AS total FROM inventory.stock GROUP BY warehouse_id;
CREATE MATERIALIZED VIEW inventory.a_big_totals AS SELECT warehouse_id FROM inventory.m_totals WHERE total > 10;
CREATE MATERIALIZED VIEW inventory.never_filled AS SELECT 1 AS one WITH NO DATA;
CREATE UNIQUE INDEX m_totals_warehouse_idx ON inventory.m_totals (warehouse_id);
COMMENT ON VIEW inventory.z_stock_base IS 'Base of the summary';
COMMENT ON MATERIALIZED VIEW inventory.m_totals IS 'Refreshed nightly';

-- Triggers: row, disabled, with WHEN, a constraint trigger, a trigger on a partitioned table.
CREATE TRIGGER stock_touch BEFORE UPDATE ON inventory.stock FOR EACH ROW EXECUTE FUNCTION inventory.touch();
CREATE TRIGGER stock_refuse_big BEFORE INSERT ON inventory.stock FOR EACH ROW WHEN (NEW.amount > 1000000)
    EXECUTE FUNCTION inventory.refuse();
CREATE TRIGGER movement_refuse BEFORE DELETE ON inventory.movement FOR EACH ROW EXECUTE FUNCTION inventory.refuse();
ALTER TABLE inventory.movement DISABLE TRIGGER movement_refuse;
CREATE CONSTRAINT TRIGGER warehouse_check AFTER INSERT ON inventory.warehouse DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION inventory.touch();
CREATE TRIGGER orders_refuse BEFORE DELETE ON "Sales Dept"."Orders" FOR EACH ROW EXECUTE FUNCTION inventory.refuse();
COMMENT ON TRIGGER stock_touch ON inventory.stock IS 'Keeps updated_at';

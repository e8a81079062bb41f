-- An order-management schema partitioned the way production systems are: orders by month (range), with
-- foreign keys declared on each partition, not on the parent; events by region (list) then by day (range,
-- two levels); audit rows by hash; a default partition catching the rest of shipments.
CREATE TYPE order_status AS ENUM ('cart', 'placed', 'paid', 'packed', 'shipped', 'delivered', 'returned', 'cancelled');
CREATE TYPE region AS ENUM ('eu', 'us', 'apac', 'latam');

CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text NOT NULL,
    country_code char(2) NOT NULL,
    preferred_currency char(3) NOT NULL DEFAULT 'EUR',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE warehouses (
    id serial PRIMARY KEY,
    code varchar(12) NOT NULL UNIQUE,
    region region NOT NULL,
    city text NOT NULL
);

CREATE TABLE products (
    id bigserial PRIMARY KEY,
    sku varchar(32) NOT NULL UNIQUE,
    name text NOT NULL,
    price numeric(10, 2) NOT NULL CHECK (price > 0),
    weight_grams integer NOT NULL CHECK (weight_grams BETWEEN 1 AND 50000)
);

CREATE TABLE orders (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    warehouse_id integer NOT NULL,
    status order_status NOT NULL DEFAULT 'cart',
    total_amount numeric(12, 2) NOT NULL CHECK (total_amount >= 0),
    currency char(3) NOT NULL,
    ordered_at timestamptz NOT NULL,
    PRIMARY KEY (id, ordered_at)
) PARTITION BY RANGE (ordered_at);
CREATE TABLE orders_2025_q4 PARTITION OF orders FOR VALUES FROM ('2025-10-01') TO ('2026-01-01');
CREATE TABLE orders_2026_q1 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2026-04-01');
CREATE TABLE orders_2026_q2 PARTITION OF orders FOR VALUES FROM ('2026-04-01') TO ('2026-07-01');
ALTER TABLE orders_2025_q4 ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE orders_2026_q1 ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE orders_2026_q2 ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE orders_2025_q4 ADD FOREIGN KEY (warehouse_id) REFERENCES warehouses (id);
ALTER TABLE orders_2026_q1 ADD FOREIGN KEY (warehouse_id) REFERENCES warehouses (id);
ALTER TABLE orders_2026_q2 ADD FOREIGN KEY (warehouse_id) REFERENCES warehouses (id);

CREATE TABLE order_lines (
    order_id bigint NOT NULL,
    ordered_at timestamptz NOT NULL,
    line_no smallint NOT NULL CHECK (line_no > 0),
    product_id bigint NOT NULL REFERENCES products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(10, 2) NOT NULL,
    PRIMARY KEY (order_id, ordered_at, line_no),
    FOREIGN KEY (order_id, ordered_at) REFERENCES orders (id, ordered_at)
);

CREATE TABLE events (
    id uuid NOT NULL,
    region region NOT NULL,
    happened_at timestamp NOT NULL,
    account_id bigint REFERENCES accounts (id),
    kind varchar(40) NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
) PARTITION BY LIST (region);
CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu') PARTITION BY RANGE (happened_at);
CREATE TABLE events_eu_2026_01 PARTITION OF events_eu FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE events_eu_2026_02 PARTITION OF events_eu FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE events_americas PARTITION OF events FOR VALUES IN ('us', 'latam') PARTITION BY RANGE (happened_at);
CREATE TABLE events_americas_2026 PARTITION OF events_americas FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE events_apac PARTITION OF events FOR VALUES IN ('apac');

CREATE TABLE audit_log (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    action text NOT NULL,
    logged_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY HASH (account_id);
CREATE TABLE audit_log_0 PARTITION OF audit_log FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE audit_log_1 PARTITION OF audit_log FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE audit_log_2 PARTITION OF audit_log FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE audit_log_3 PARTITION OF audit_log FOR VALUES WITH (MODULUS 4, REMAINDER 3);
ALTER TABLE audit_log_0 ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE audit_log_1 ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE audit_log_2 ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE audit_log_3 ADD FOREIGN KEY (account_id) REFERENCES accounts (id);

CREATE TABLE shipments (
    id bigserial,
    carrier text NOT NULL,
    shipped_on date NOT NULL,
    delivered_on date,
    weight_grams integer NOT NULL,
    CHECK (delivered_on IS NULL OR delivered_on >= shipped_on)
) PARTITION BY RANGE (shipped_on);
CREATE TABLE shipments_2026_h1 PARTITION OF shipments FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
CREATE TABLE shipments_other PARTITION OF shipments DEFAULT;
CREATE UNIQUE INDEX ON shipments_2026_h1 (id);
ALTER TABLE shipments_2026_h1 ADD CHECK (weight_grams < 30000);

CREATE TABLE price_history (
    product_id bigint NOT NULL REFERENCES products (id),
    valid_from date NOT NULL,
    valid_to date,
    price numeric(10, 2) NOT NULL CHECK (price > 0),
    PRIMARY KEY (product_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
) PARTITION BY RANGE (product_id, valid_from);
CREATE TABLE price_history_low PARTITION OF price_history FOR VALUES FROM (MINVALUE, MINVALUE) TO (1000000, '2000-01-01');
CREATE TABLE price_history_high PARTITION OF price_history FOR VALUES FROM (1000000, '2000-01-01') TO (MAXVALUE, MAXVALUE);

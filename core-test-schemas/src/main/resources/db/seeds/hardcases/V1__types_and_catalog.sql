-- Hard cases for the schema registry, the mock generator and the row API.
-- Every table must stay fillable by a generator that reads the model (all checks satisfiable).

CREATE SCHEMA audit;

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE TYPE address AS (street varchar(100), city varchar(60), zip char(5));

-- A domain that is NOT NULL itself and has a check; a second one over varchar(n) with a pattern-like check.
CREATE DOMAIN positive_int AS integer NOT NULL CONSTRAINT positive_int_check CHECK (VALUE > 0);
CREATE DOMAIN email_address AS varchar(254) CONSTRAINT email_address_check CHECK (VALUE LIKE '%_@_%');

-- A free-standing sequence (not owned by any column), used as a default.
CREATE SEQUENCE customer_no_seq AS integer START WITH 1000 INCREMENT BY 10;

-- Self-reference, identity ALWAYS, char_length and column-vs-column checks.
CREATE TABLE categories (
    id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id integer REFERENCES categories (id) ON DELETE CASCADE,
    name      varchar(80) NOT NULL,
    slug      varchar(80) NOT NULL CONSTRAINT categories_slug_key UNIQUE,
    CONSTRAINT categories_name_length CHECK (char_length(name) BETWEEN 1 AND 80),
    CONSTRAINT categories_not_own_parent CHECK (parent_id <> id)
);

-- bigserial, a domain column, an enum array, jsonb, a composite-typed column, an IN-list check,
-- a partial unique index, NULLS NOT DISTINCT, and a default from a free-standing sequence.
CREATE TABLE customers (
    id           bigserial PRIMARY KEY,
    customer_no  integer NOT NULL DEFAULT nextval('customer_no_seq'),
    email        email_address NOT NULL,
    full_name    varchar(120) NOT NULL,
    status       varchar(10) NOT NULL DEFAULT 'active'
                 CONSTRAINT customers_status_check CHECK (status IN ('active', 'suspended', 'closed')),
    moods        mood[] NOT NULL DEFAULT '{}',
    preferences  jsonb NOT NULL DEFAULT '{}'::jsonb,
    home_address address,
    external_ref varchar(40),
    birth_date   date,
    created_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    CONSTRAINT customers_customer_no_key UNIQUE (customer_no),
    CONSTRAINT customers_deleted_after_created CHECK (deleted_at IS NULL OR deleted_at >= created_at)
);
-- NULLS NOT DISTINCT exists from PostgreSQL 15 (EXECUTE: 14 cannot even parse it); on 14 the key is a plain UNIQUE.
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 150000 THEN
        EXECUTE 'ALTER TABLE customers ADD CONSTRAINT customers_external_ref_key UNIQUE NULLS NOT DISTINCT (external_ref)';
    ELSE
        ALTER TABLE customers ADD CONSTRAINT customers_external_ref_key UNIQUE (external_ref);
    END IF;
END
$$;
CREATE UNIQUE INDEX customers_live_email_key ON customers (email) WHERE deleted_at IS NULL;
CREATE INDEX customers_preferences_idx ON customers USING gin (preferences);
CREATE INDEX customers_lower_name_idx ON customers (lower(full_name));

-- numeric(10,2), range checks, a column-vs-column check, a generated column, a NOT NULL domain column.
CREATE TABLE products (
    sku            varchar(12) PRIMARY KEY CONSTRAINT products_sku_length CHECK (char_length(sku) >= 4),
    category_id    integer NOT NULL REFERENCES categories (id),
    name           varchar(200) NOT NULL,
    price          numeric(10,2) NOT NULL CONSTRAINT products_price_check CHECK (price >= 0),
    sale_price     numeric(10,2),
    stock          positive_int,
    rating         numeric(3,1) CONSTRAINT products_rating_check CHECK (rating BETWEEN 0 AND 5),
    tags           text[],
    price_with_tax numeric(12,2) GENERATED ALWAYS AS (round(price * 1.2, 2)) STORED,
    CONSTRAINT products_sale_below_price CHECK (sale_price IS NULL OR sale_price < price)
);
CREATE INDEX products_category_id_idx ON products (category_id);

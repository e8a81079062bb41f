-- 20 tables of an ordinary application schema (keys, foreign keys, an index, a check, a few seed rows): the
-- template SteadyStateBenchmark clones for every test.
CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO accounts (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 20) g;
CREATE TABLE items_1 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_1_created ON items_1 (created_at);
INSERT INTO items_1 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_2 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_2_created ON items_2 (created_at);
INSERT INTO items_2 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_3 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_3_created ON items_3 (created_at);
INSERT INTO items_3 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_4 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_4_created ON items_4 (created_at);
INSERT INTO items_4 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_5 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_5_created ON items_5 (created_at);
INSERT INTO items_5 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_6 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_6_created ON items_6 (created_at);
INSERT INTO items_6 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_7 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_7_created ON items_7 (created_at);
INSERT INTO items_7 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_8 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_8_created ON items_8 (created_at);
INSERT INTO items_8 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_9 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_9_created ON items_9 (created_at);
INSERT INTO items_9 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_10 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_10_created ON items_10 (created_at);
INSERT INTO items_10 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_11 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_11_created ON items_11 (created_at);
INSERT INTO items_11 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_12 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_12_created ON items_12 (created_at);
INSERT INTO items_12 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_13 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_13_created ON items_13 (created_at);
INSERT INTO items_13 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_14 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_14_created ON items_14 (created_at);
INSERT INTO items_14 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_15 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_15_created ON items_15 (created_at);
INSERT INTO items_15 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_16 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_16_created ON items_16 (created_at);
INSERT INTO items_16 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_17 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_17_created ON items_17 (created_at);
INSERT INTO items_17 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_18 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_18_created ON items_18 (created_at);
INSERT INTO items_18 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;
CREATE TABLE items_19 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL, quantity int NOT NULL CHECK (quantity >= 0),
    price numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, name));
CREATE INDEX items_19_created ON items_19 (created_at);
INSERT INTO items_19 (account_id, name, quantity, price) SELECT 1 + g % 20, 'item ' || g, g, g * 1.5
    FROM generate_series(1, 10) g;

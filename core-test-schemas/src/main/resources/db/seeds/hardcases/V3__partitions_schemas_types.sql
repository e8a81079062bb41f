-- A partitioned table, the same table name in two schemas, quoted mixed-case names, and one column per
-- commonly used type.

-- Range-partitioned by time; the partitions inherit the primary key and the foreign key.
CREATE TABLE events (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at timestamptz NOT NULL,
    customer_id bigint REFERENCES customers (id) ON DELETE SET NULL,
    kind        varchar(30) NOT NULL CONSTRAINT events_kind_check CHECK (kind IN ('login', 'logout', 'purchase')),
    payload     jsonb,
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- Same name as public.events, different shape, and a cross-schema foreign key.
CREATE TABLE audit.events (
    id          bigserial PRIMARY KEY,
    table_name  text NOT NULL,
    action      char(1) NOT NULL CONSTRAINT events_action_check CHECK (action IN ('I', 'U', 'D')),
    customer_id bigint REFERENCES public.customers (id),
    changed_at  timestamp(3) NOT NULL DEFAULT now(),
    old_row     jsonb,
    new_row     jsonb
);

-- Names that only work quoted: mixed case, a space, a reserved word.
CREATE TABLE "LegacyItems" (
    "ItemID"      integer PRIMARY KEY,
    "displayName" varchar(50) NOT NULL,
    "Unit Price"  numeric(8,3),
    "group"       varchar(20)
);

-- One column per commonly used type (the registry decodes lengths, precision and scale from typmods).
CREATE TABLE type_samples (
    id             smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    c_smallint     smallint,
    c_integer      integer,
    c_bigint       bigint,
    c_real         real,
    c_double       double precision,
    c_numeric      numeric,
    c_numeric_5    numeric(5),
    c_text         text,
    c_char         char(3),
    c_varchar      varchar,
    c_bit          bit(8),
    c_varbit       bit varying(16),
    c_boolean      boolean,
    c_date         date,
    c_time         time(3),
    c_timetz       time with time zone,
    c_timestamp    timestamp(0),
    c_timestamptz  timestamptz,
    c_interval     interval,
    c_uuid         uuid,
    c_json         json,
    c_jsonb        jsonb,
    c_bytea        bytea,
    c_inet         inet,
    c_cidr         cidr,
    c_macaddr      macaddr,
    c_int4range    int4range,
    c_tstzrange    tstzrange,
    c_int_matrix   integer[][],
    c_text_array   text[],
    c_mood         mood,
    c_address      address
);

-- A video-rental and streaming catalogue (shaped like the Sakila/Pagila sample): the columns the realism
-- rules are about: amounts, rates, durations, lengths, ratings, flags stored as integers, ordered pairs of
-- timestamps and bounds, currency/locale/language/country codes, MIME types, an STI type column, jsonb.
CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');
CREATE TYPE subscription_tier AS ENUM ('free', 'basic', 'standard', 'premium', 'family');

CREATE TABLE languages (
    id smallserial PRIMARY KEY,
    language char(2) NOT NULL UNIQUE,
    name varchar(40) NOT NULL
);

CREATE TABLE countries (
    id smallserial PRIMARY KEY,
    country_code char(2) NOT NULL UNIQUE,
    name text NOT NULL
);

CREATE TABLE stores (
    id serial PRIMARY KEY,
    country_id smallint NOT NULL REFERENCES countries (id),
    default_currency char(3) NOT NULL,
    locale varchar(10) NOT NULL,
    min_lat numeric(9, 6) NOT NULL,
    max_lat numeric(9, 6) NOT NULL,
    min_lng numeric(9, 6) NOT NULL,
    max_lng numeric(9, 6) NOT NULL,
    opened_at timestamptz NOT NULL
);

CREATE TABLE customers (
    id serial PRIMARY KEY,
    store_id integer NOT NULL REFERENCES stores (id),
    first_name varchar(45) NOT NULL,
    last_name varchar(45) NOT NULL,
    email varchar(120) UNIQUE,
    active integer NOT NULL DEFAULT 1,
    preferred_language char(2),
    created_at timestamp NOT NULL DEFAULT now(),
    updated_at timestamp
);

CREATE TABLE films (
    id serial PRIMARY KEY,
    title varchar(255) NOT NULL,
    description text,
    release_year integer,
    language_id smallint NOT NULL REFERENCES languages (id),
    rental_duration smallint NOT NULL DEFAULT 3,
    rental_rate numeric(4, 2) NOT NULL DEFAULT 4.99,
    length smallint,
    replacement_cost numeric(5, 2) NOT NULL DEFAULT 19.99,
    rating mpaa_rating DEFAULT 'G',
    special_features text[],
    metadata jsonb,
    last_update timestamp NOT NULL DEFAULT now()
);

CREATE TABLE inventory (
    id serial PRIMARY KEY,
    film_id integer NOT NULL REFERENCES films (id),
    store_id integer NOT NULL REFERENCES stores (id)
);

CREATE TABLE rentals (
    id serial PRIMARY KEY,
    rental_date timestamp NOT NULL,
    inventory_id integer NOT NULL REFERENCES inventory (id),
    customer_id integer NOT NULL REFERENCES customers (id),
    return_date timestamp,
    UNIQUE (rental_date, inventory_id, customer_id)
);

CREATE TABLE payments (
    id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    rental_id integer REFERENCES rentals (id),
    amount numeric(5, 2) NOT NULL,
    currency char(3) NOT NULL,
    payment_date timestamp NOT NULL
);

CREATE TABLE subscriptions (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    tier subscription_tier NOT NULL,
    price numeric(8, 2) NOT NULL,
    started_at timestamptz NOT NULL,
    terminated_at timestamptz,
    expires_at timestamptz,
    UNIQUE (customer_id, tier)
);

CREATE TABLE streams (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    film_id integer NOT NULL REFERENCES films (id),
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    watch_duration integer,
    device_type varchar(40) NOT NULL,
    quality_percent smallint,
    progress jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE promotions (
    id serial PRIMARY KEY,
    code varchar(20) NOT NULL UNIQUE,
    discount_rate numeric(5, 4) NOT NULL,
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    first_order_no integer,
    last_order_no integer,
    max_uses integer,
    usage_count integer NOT NULL DEFAULT 0
);

CREATE TABLE attachments (
    id bigserial PRIMARY KEY,
    type varchar(60) NOT NULL,
    film_id integer REFERENCES films (id),
    content_type varchar(100) NOT NULL,
    byte_size bigint NOT NULL,
    file_name text NOT NULL,
    settings jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff (
    id serial PRIMARY KEY,
    store_id integer NOT NULL REFERENCES stores (id),
    first_name varchar(45) NOT NULL,
    last_name varchar(45) NOT NULL,
    username varchar(16) NOT NULL UNIQUE,
    is_manager integer NOT NULL DEFAULT 0,
    hourly_rate numeric(6, 2) NOT NULL,
    hired_on date NOT NULL,
    left_on date
);

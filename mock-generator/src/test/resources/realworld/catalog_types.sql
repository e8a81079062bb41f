-- A map-and-catalogue service using the types of a stock server: regex-checked codes, tsvector columns
-- filled by triggers (NOT NULL), geometry, money, bits, xml, pg_lsn, ranges and multiranges, oid-like types.
CREATE TYPE venue_kind AS ENUM ('cafe', 'museum', 'park', 'station', 'library', 'theatre');
CREATE DOMAIN slug AS text CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
CREATE DOMAIN postal_code AS varchar(10) CHECK (VALUE ~ '^[0-9]{5}$');
CREATE TYPE dimensions AS (width_mm integer, height_mm integer);

CREATE TABLE cities (
    id serial PRIMARY KEY,
    code varchar(8) NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{3}[0-9]{0,3}$'),
    name text NOT NULL,
    area polygon,
    bbox box NOT NULL,
    centre point NOT NULL
);

CREATE TABLE venues (
    id bigserial PRIMARY KEY,
    city_id integer NOT NULL REFERENCES cities (id),
    handle slug NOT NULL UNIQUE,
    kind venue_kind NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    postcode postal_code,
    location point NOT NULL,
    reach circle,
    entrance lseg,
    road line,
    route path,
    entry_fee money NOT NULL,
    features bit(8) NOT NULL,
    flags varbit(32),
    capacity int4range,
    open_hours tstzrange,
    seasons datemultirange,
    search tsvector NOT NULL,
    internal_code varchar(20) CHECK (internal_code ~ '^[a-z0-9_]{1,100}$'),
    phone varchar(20) CHECK (phone ~ '^\+[0-9]{6,15}$')
);

CREATE FUNCTION venues_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('english', coalesce(NEW.name, '') || ' ' || coalesce(NEW.description, ''));
    RETURN NEW;
END $$;
CREATE TRIGGER venues_search BEFORE INSERT OR UPDATE ON venues FOR EACH ROW EXECUTE FUNCTION venues_search();

CREATE TABLE exhibits (
    id bigserial PRIMARY KEY,
    venue_id bigint NOT NULL REFERENCES venues (id),
    title text NOT NULL,
    catalogue_xml xml,
    size dimensions,
    query tsquery,
    doc tsvector NOT NULL DEFAULT ''::tsvector,
    replication_lsn pg_lsn,
    registered regclass,
    owner_oid oid,
    tx xid8,
    period daterange NOT NULL,
    ticket_prices nummultirange,
    ratio float4 NOT NULL CHECK (ratio BETWEEN 0 AND 1),
    added_at timetz,
    checksum bytea NOT NULL,
    tags text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE opening_slots (
    id bigserial PRIMARY KEY,
    venue_id bigint NOT NULL REFERENCES venues (id),
    during tsrange NOT NULL,
    slots int8multirange,
    price money CHECK (price >= 0::money),
    mac macaddr8,
    net cidr NOT NULL,
    host inet NOT NULL
);

CREATE TABLE reviews (
    id bigserial PRIMARY KEY,
    venue_id bigint NOT NULL REFERENCES venues (id),
    reviewer_code varchar(12) NOT NULL CHECK (reviewer_code ~ '^R-[0-9]{4}-[A-Z]{2}$'),
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body text NOT NULL,
    body_tsv tsvector NOT NULL,
    language char(2) NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    UNIQUE (venue_id, reviewer_code)
);

CREATE FUNCTION reviews_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.body_tsv := to_tsvector('simple', NEW.body);
    RETURN NEW;
END $$;
CREATE TRIGGER reviews_tsv BEFORE INSERT OR UPDATE ON reviews FOR EACH ROW EXECUTE FUNCTION reviews_tsv();

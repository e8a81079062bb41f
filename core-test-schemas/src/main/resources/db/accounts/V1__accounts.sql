-- Schema of the junit-extension tests: a serial key, an identity key, a deferred foreign key, a counter row.
CREATE TABLE accounts (
    id      bigserial PRIMARY KEY,
    email   text NOT NULL UNIQUE,
    balance numeric(12, 2) NOT NULL DEFAULT 0
);

CREATE TABLE transfers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) DEFERRABLE INITIALLY DEFERRED,
    amount     numeric(12, 2) NOT NULL
);

CREATE TABLE counters (
    name  text PRIMARY KEY,
    value integer NOT NULL
);

INSERT INTO counters (name, value) VALUES ('hits', 0);

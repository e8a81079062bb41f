CREATE TABLE accounts (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    active     boolean NOT NULL DEFAULT true,
    balance    numeric(12, 2) NOT NULL DEFAULT 0,
    joined_on  date,
    meta       jsonb
);

CREATE TABLE orders (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    total      numeric(10, 2) NOT NULL CHECK (total >= 0),
    placed_at  timestamptz NOT NULL DEFAULT now()
);

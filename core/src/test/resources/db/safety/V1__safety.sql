-- Schema of RowsSafetyIT: keys of several types, a cascading foreign key, a jsonb column.
CREATE TABLE owners (
    id   bigint PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE pets (
    id       bigint PRIMARY KEY,
    owner_id bigint NOT NULL REFERENCES owners (id) ON DELETE CASCADE,
    name     text NOT NULL
);

CREATE TABLE tokens (
    id    uuid PRIMARY KEY,
    label text NOT NULL
);

CREATE TABLE docs (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body jsonb
);

CREATE TABLE readings (
    id    integer PRIMARY KEY,
    value numeric(5, 2) NOT NULL
);

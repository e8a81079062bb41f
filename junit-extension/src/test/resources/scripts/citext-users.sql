CREATE TABLE citext_users (email citext PRIMARY KEY);
INSERT INTO citext_users VALUES ('ada@example.com');

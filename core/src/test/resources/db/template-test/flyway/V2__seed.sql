INSERT INTO accounts (email) VALUES ('first@example.com');

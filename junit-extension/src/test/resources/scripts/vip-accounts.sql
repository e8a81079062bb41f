-- A plain script for @PgTest(scripts): runs after the Flyway migrations, in the template.
INSERT INTO accounts (email, balance) VALUES ('vip@example.com', 1000.00);

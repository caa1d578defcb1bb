CREATE TABLE accounts (id bigint PRIMARY KEY, email text, plan text);
INSERT INTO accounts VALUES (1, 'a@example.com', 'free');

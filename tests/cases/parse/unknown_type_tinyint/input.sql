CREATE TABLE flags (
    id bigint PRIMARY KEY,
    enabled tinyint NOT NULL DEFAULT 0
);

CREATE TABLE counters (
    id int(11) NOT NULL PRIMARY KEY,
    hits bigint(20) UNSIGNED NOT NULL DEFAULT 0
);

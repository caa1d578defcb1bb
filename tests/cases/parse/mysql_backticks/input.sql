CREATE TABLE `customers` (
    id bigint PRIMARY KEY,
    `FullName` text NOT NULL
);

CREATE TABLE products (
    id integer NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku varchar(64) NOT NULL,
    name text NOT NULL
);
